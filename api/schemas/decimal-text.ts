/**
 * Numbers written in a URL (query and path parameters, Open311 form fields) are read only in plain decimal: `20`,
 * `-3`, `23.124`. `Number()` would also read ' 1', '0x10', '1e1', '+1', '1.0' and '' (as 0), so that one value had
 * many spellings and a typo became a different number instead of a 400.
 */
import { z } from 'zod';

/** A whole number in decimal digits, with an optional leading `-`. */
export const DECIMAL_INTEGER = /^-?\d+$/;
/** A decimal number: digits, optionally a `.` and more digits, with an optional leading `-` (`23.124`). */
export const DECIMAL_NUMBER = /^-?\d+(\.\d+)?$/;

/** The number `text` spells in the given decimal form, or undefined when it is written any other way. */
export function decimalOf(text: string, form: RegExp = DECIMAL_NUMBER): number | undefined {
  return form.test(text) ? Number(text) : undefined;
}

export const WHOLE_NUMBER_MESSAGE = 'must be a whole number written in decimal digits, like 20';

/**
 * A whole-number URL parameter within `bounds`: decimal digits only, any other text a 400 naming the parameter.
 * The OpenAPI document still shows an integer with its bounds.
 */
export function decimalIntegerParam(bounds: { readonly min?: number; readonly max?: number } = {}) {
  let number = z.number({ error: WHOLE_NUMBER_MESSAGE }).int({ error: WHOLE_NUMBER_MESSAGE });
  if (bounds.min !== undefined) number = number.min(bounds.min);
  if (bounds.max !== undefined) number = number.max(bounds.max);
  return z.preprocess(
    (value) => (typeof value === 'string' ? (decimalOf(value, DECIMAL_INTEGER) ?? value) : value),
    number,
  );
}
