/** Checks submitted values (a task's `result`, case `data`) against a field map: types, required, enum values. */
import type { FieldMap, FieldSpec } from '../flow-model';
import { parseInstant } from '../time';
import type { FieldError } from './case-errors';
import type { CaseState } from './case-state';
import { behaves } from './engine-revision';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How `fieldErrors` checks. */
export interface FieldCheck {
  /** Skip the required check (a data patch). */
  readonly partial?: boolean;
  /**
   * A name is a field only when the form declares it itself (default); `false` is the rule of cases started
   * before engine revision 7 (`formFieldsByOwnName`), where the names every object has (`constructor`,
   * `toString`) passed too.
   */
  readonly ownNamesOnly?: boolean;
}

/** How a running case checks its forms: by own name from engine revision 7 on. */
export const fieldCheckOf = (state: CaseState): FieldCheck => ({
  ownNamesOnly: behaves(state, 'formFieldsByOwnName'),
});

/**
 * Every problem of `value` against `fields`, with paths under `prefix` (`result.done`). An empty field map accepts
 * any object; a declared one rejects unknown names.
 */
export function fieldErrors(
  fields: FieldMap,
  value: unknown,
  prefix: string,
  { partial = false, ownNamesOnly = true }: FieldCheck = {},
): FieldError[] {
  if (value === undefined && Object.keys(fields).length === 0) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ path: prefix, message: 'must be an object' }];
  }
  const record = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const item = record[name];
    if (item === undefined || item === null) {
      if (spec.required && !partial) errors.push({ path: `${prefix}.${name}`, message: 'is required' });
      continue;
    }
    const problem = typeProblem(spec, item);
    if (problem !== undefined) errors.push({ path: `${prefix}.${name}`, message: problem });
  }
  if (Object.keys(fields).length > 0) {
    for (const name of Object.keys(record)) {
      const declared = ownNamesOnly ? Object.hasOwn(fields, name) : fields[name] !== undefined;
      if (!declared) errors.push({ path: `${prefix}.${name}`, message: 'is not a field of the form' });
    }
  }
  return errors;
}

function typeProblem(spec: FieldSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'string':
    case 'text':
      return typeof value === 'string' ? undefined : `must be a ${spec.type}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'date':
      return typeof value === 'string' && isDate(value) ? undefined : 'must be a date like 2026-03-09';
    case 'datetime':
      return typeof value === 'string' && isInstant(value)
        ? undefined
        : 'must be an RFC 3339 date-time with an offset, like 2026-03-09T11:30:00+08:00';
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value)
        ? undefined
        : `must be one of ${(spec.values ?? []).join(', ')}`;
    case 'list':
      return Array.isArray(value) ? undefined : 'must be a list';
  }
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isInstant(text: string): boolean {
  try {
    parseInstant(text);
    return true;
  } catch {
    return false;
  }
}
