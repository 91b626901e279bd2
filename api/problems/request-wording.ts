/**
 * The wording of a request's schema problems (400 `validation`, `errors[].message`) in the house style of the 422
 * checks (`is required`, `must be a string`, `must be one of …`) instead of zod's defaults (`Invalid input: expected
 * string, received undefined`). Only zod's own default text is reworded: a message a schema gives (`Letters, digits
 * and . _ : - only`) stays as written, and so does a problem not named here.
 */
import { z } from 'zod';

type Issue = z.core.$ZodIssue;

const KINDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
};

/** Whether zod wrote the message itself (its English locale), rather than the schema. */
function isZodDefault(issue: Issue): boolean {
  if (issue.code === 'invalid_type') {
    // The default names what was received, which the issue no longer carries: compare up to there.
    return issue.message.startsWith(`Invalid input: expected ${issue.expected}, received `);
  }
  return issue.message === z.locales.en().localeError(issue as never);
}

function plural(count: number | bigint, noun: string): string {
  return `${String(count)} ${noun}${Number(count) === 1 ? '' : 's'}`;
}

function sizeWording(
  origin: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  bound: 'least' | 'most',
): string | undefined {
  if (origin === 'string') {
    if (bound === 'least' && Number(limit) === 1) return 'must not be empty';
    return `must have at ${bound} ${plural(limit, 'character')}`;
  }
  if (origin === 'array' || origin === 'set') return `must have at ${bound} ${plural(limit, 'item')}`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    if (inclusive === false) return `must be ${bound === 'least' ? 'more' : 'less'} than ${String(limit)}`;
    return `must be at ${bound} ${String(limit)}`;
  }
  return undefined;
}

function houseWording(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.endsWith(', received undefined')) return 'is required';
      return KINDS[issue.expected] === undefined ? undefined : `must be ${KINDS[issue.expected]}`;
    case 'too_small':
      return sizeWording(issue.origin, issue.minimum, issue.inclusive, 'least');
    case 'too_big':
      return sizeWording(issue.origin, issue.maximum, issue.inclusive, 'most');
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'must be an RFC 3339 timestamp with an offset, like 2026-03-02T09:30:00+08:00'
        : undefined;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} here: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

/** The message of a request's schema problem as people read it. */
export function requestProblemMessage(issue: Issue): string {
  return (isZodDefault(issue) ? houseWording(issue) : undefined) ?? issue.message;
}
