/**
 * Errors of migrating a case. Like the case errors, each sets `name` to its class name: the Temporal shell turns
 * it into an `ApplicationFailure` of that type, which the API maps to an HTTP status (noted on the class).
 */
import type { FieldError } from '../case/case-errors';

/** Thrown when a migration plan is refused (422); `errors` names each step, mapping entry or field that cannot move. */
export class MigrationRefusedError extends Error {
  override readonly name = 'MigrationRefusedError';
  constructor(readonly errors: readonly FieldError[]) {
    super(`The case cannot migrate: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}
