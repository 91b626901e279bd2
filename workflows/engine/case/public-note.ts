/**
 * Public notes (docs/flow-language.md, `public: true`): what a completed task step tells the public about the case
 * (Open311's `status_notes`). One rule for the case view and the ledger's snapshot. Pure.
 */
import type { Step } from '../flow-model';

/** The step's public note from its result: its `public` form fields' non-empty texts, one per line, in form order. */
export function publicNoteOf(step: Step, result: unknown): string | undefined {
  if (step.kind !== 'task' || typeof result !== 'object' || result === null) return undefined;
  const values = new Map<string, unknown>(Object.entries(result));
  const notes = Object.entries(step.form).flatMap(([name, field]) => {
    const value = values.get(name);
    return field.public === true && typeof value === 'string' && value !== '' ? [value] : [];
  });
  return notes.length === 0 ? undefined : notes.join('\n');
}
