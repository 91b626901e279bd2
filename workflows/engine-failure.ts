/** Engine errors as the failures an Update's validator or handler throws to its caller. */
import { ApplicationFailure } from '@temporalio/workflow';

/** Turns an engine error into an ApplicationFailure of the same type, with its field errors as details. */
export function toFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const details = 'errors' in err ? [(err as { errors: unknown }).errors] : [];
  return ApplicationFailure.create({ type: err.name, message: err.message, nonRetryable: true, details });
}
