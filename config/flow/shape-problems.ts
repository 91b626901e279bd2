/**
 * zod issues of the flow schema as located, human problems: one problem per unknown key, the closest branch of a
 * union, "missing key" instead of "expected string, received undefined".
 */
import type { z } from 'zod';
import type { DocumentPath, PathProblem } from './flow-problem';

type Issue = z.core.$ZodIssue;

/** Problems of `issues` from parsing `input`. */
export function shapeProblems(
  issues: readonly Issue[],
  input: unknown,
  base: DocumentPath = [],
): PathProblem[] {
  return issues.flatMap((issue) => issueProblems(issue, input, [...base, ...toPath(issue.path)]));
}

function issueProblems(issue: Issue, input: unknown, path: DocumentPath): PathProblem[] {
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key '${key}'`,
        atKey: true,
      }));
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        return [{ path, message: discriminatorMessage(value, issue) }];
      }
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return best.flatMap((inner) => issueProblems(inner, input, [...path, ...toPath(inner.path)]));
    }
    case 'invalid_type':
    case 'invalid_value':
      if (value === undefined) return [{ path, message: `missing required key '${String(path.at(-1))}'` }];
      return [
        { path, message: `${issue.message.replace(/^Invalid (input|option): /, '')}${describe(value)}` },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

function discriminatorMessage(value: unknown, issue: Issue & { code: 'invalid_union' }): string {
  const key =
    'discriminator' in issue && typeof issue.discriminator === 'string' ? issue.discriminator : 'kind';
  if (value === undefined) return `missing required key '${key}'`;
  return `unknown ${key} ${quoted(value)} (expected task, service, notify or wait)`;
}

/** Values quoted in a message are cut to this many characters (a whole file read as one string stays out). */
const QUOTED_LENGTH = 80;

function describe(value: unknown): string {
  if (value === null || typeof value === 'object') return '';
  return `, got ${quoted(value)}`;
}

function quoted(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text;
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((part) => (typeof part === 'number' ? part : String(part)));
}

function valueAt(input: unknown, path: DocumentPath): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
