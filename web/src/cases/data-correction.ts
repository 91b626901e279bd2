/**
 * 数据更正 as data: the form's starting values from the case (a datetime as the picker takes it), and what the
 * submitted form changes, field by field (only those go to `POST /v1/cases/{caseId}/data`: the others keep theirs).
 */
import type { FieldMap, FieldSpec } from '../common/flows';
import { fieldValues } from '../common/SchemaFields';

/** One field the correction changes: its name, its value before and after. */
export interface FieldChange {
  readonly name: string;
  readonly before: unknown;
  readonly after: unknown;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/** The case's values as the form's inputs hold them: a datetime as `2026-03-02T09:30` (its wall-clock time). */
export function formValuesOf(
  fields: FieldMap,
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = data[name];
    const instant = spec.type === 'datetime' && typeof value === 'string' ? INSTANT.exec(value) : null;
    values[name] = instant === null ? value : `${instant[1]}T${instant[2]}`;
  }
  return values;
}

/** The same value for the case: equal JSON, or the same instant for a datetime written another way. */
function same(spec: FieldSpec, before: unknown, after: unknown): boolean {
  if (JSON.stringify(before) === JSON.stringify(after)) return true;
  return (
    spec.type === 'datetime' &&
    typeof before === 'string' &&
    typeof after === 'string' &&
    Date.parse(before) === Date.parse(after)
  );
}

/**
 * The fields the form changes, as the API takes their values; `emptied` names the fields that had a value and were
 * left empty (the API keeps a field not named, so emptying cannot be sent).
 */
export function dataChanges(
  fields: FieldMap,
  data: Readonly<Record<string, unknown>>,
  values: Record<string, unknown> | undefined,
  offset: string,
): { changes: FieldChange[]; emptied: string[] } {
  const sent = fieldValues(fields, values, offset);
  const changes: FieldChange[] = [];
  const emptied: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const before = data[name];
    if (!(name in sent)) {
      if (before !== undefined && before !== null && before !== '') emptied.push(name);
      continue;
    }
    if (!same(spec, before, sent[name])) changes.push({ name, before, after: sent[name] });
  }
  return { changes, emptied };
}
