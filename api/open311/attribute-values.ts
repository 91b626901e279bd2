/**
 * Turns the `attribute[code]` values of a GeoReport form into case data: each value read as its data field's type
 * (numbers, booleans, one choice or several), required attributes asked for, unknown codes refused, every problem
 * named as the client wrote it (`attribute[code]`).
 */
import type { FieldMap, Open311Attribute } from '../../workflows/engine/flow-model';
import { DECIMAL_INTEGER, DECIMAL_NUMBER, WHOLE_NUMBER_MESSAGE, decimalOf } from '../schemas/decimal-text';

type Given = Readonly<Record<string, string | readonly string[]>>;

/** The data the attributes give, and a description of each problem. */
export function attributeData(
  attributes: readonly Open311Attribute[],
  fields: FieldMap,
  given: Given = {},
): { data: Record<string, unknown>; problems: string[] } {
  const data: Record<string, unknown> = {};
  const problems: string[] = [];
  const known = new Set(attributes.map((attribute) => attribute.code));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) problems.push(`attribute[${code}]: not an attribute of this service`);
  }
  for (const attribute of attributes) {
    const raw = Object.hasOwn(given, attribute.code) ? given[attribute.code] : undefined;
    const values = (typeof raw === 'string' ? [raw] : (raw ?? [])).filter((value) => value !== '');
    const name = `attribute[${attribute.code}]`;
    if (values.length === 0) {
      if (attribute.required) problems.push(`${name}: is required`);
      continue;
    }
    const read = readValues(attribute, fields[attribute.code]?.type, values);
    if ('problem' in read) problems.push(`${name}: ${read.problem}`);
    else data[attribute.code] = read.value;
  }
  return { data, problems };
}

function readValues(
  attribute: Open311Attribute,
  type: FieldMap[string]['type'] | undefined,
  values: readonly string[],
): { value: unknown } | { problem: string } {
  const keys = attribute.values.map((choice) => choice.key);
  const outside = values.filter((value) => !keys.includes(value));
  if (attribute.datatype === 'multivaluelist') {
    return outside.length === 0 ? { value: [...new Set(values)] } : { problem: notAChoice(outside, keys) };
  }
  const [value] = values;
  if (values.length > 1 || value === undefined) return { problem: 'takes one value' };
  if (attribute.datatype === 'singlevaluelist' && outside.length > 0)
    return { problem: notAChoice(outside, keys) };
  switch (type) {
    case 'boolean':
      return { value: value === 'true' };
    case 'number':
    case 'integer': {
      const number = decimalOf(value, type === 'integer' ? DECIMAL_INTEGER : DECIMAL_NUMBER);
      if (number === undefined || !Number.isFinite(number)) {
        return { problem: type === 'integer' ? WHOLE_NUMBER_MESSAGE : 'must be a decimal number, like 2.5' };
      }
      if (type === 'integer' && !Number.isSafeInteger(number)) return { problem: 'must be a whole number' };
      return { value: number };
    }
    default:
      return { value };
  }
}

function notAChoice(values: readonly string[], keys: readonly string[]): string {
  return `${values.map((value) => `'${value}'`).join(', ')} not among the values (${keys.join(', ')})`;
}
