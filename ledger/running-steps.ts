/** What "a running step" means in the ledger's SQL: one place for the statuses, written as literals. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** The statuses of a step someone must act on now. */
export const RUNNING_STEP_STATUSES = ['active', 'claimed'] as const;

/**
 * `<column> in ('active', 'claimed')` with literals, not parameters: the partial indexes over running steps
 * (migrations/003) are used only when the query's condition visibly implies theirs.
 */
export function isRunningStep(column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(RUNNING_STEP_STATUSES.map((s) => sql.lit(s)))})`;
}
