/**
 * Builds Temporal visibility queries from checked values only: each value must be a plain code (letters, digits,
 * `. _ : -`), so no input can change the query's shape; times are written as RFC 3339 in UTC.
 */
import { BadRequestProblemError } from '../problems';

const SAFE_VALUE = /^[\p{L}\p{N}._:-]{1,128}$/u;

/** A search attribute key (of CASE_SEARCH_ATTRIBUTES). */
type Attribute = { readonly name: string };

/** One `Attribute = 'value'` clause; 400 when the value is not a plain code. */
export function equals(attribute: Attribute, value: string): string {
  if (!SAFE_VALUE.test(value)) {
    throw new BadRequestProblemError(`'${attribute.name}' filter value is not a plain code`, {
      slug: 'validation',
      errors: [{ path: attribute.name, message: 'Letters, digits and . _ : - only' }],
    });
  }
  return `${attribute.name} = '${value}'`;
}

/** One `Attribute = true|false` clause. */
export function isFlag(attribute: Attribute, value: boolean): string {
  return `${attribute.name} = ${value ? 'true' : 'false'}`;
}

/** One `Attribute < 'time'` clause. */
export function before(attribute: Attribute, at: number): string {
  return `${attribute.name} < '${new Date(at).toISOString()}'`;
}

/** The clauses joined with AND. */
export function allOf(clauses: readonly string[]): string {
  return clauses.join(' AND ');
}
