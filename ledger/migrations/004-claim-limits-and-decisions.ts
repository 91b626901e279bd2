/**
 * Claim limits (签收时限) and rework decisions: when a step (and so its case) is overdue for claiming, a step's
 * claim limit, and whether a case waits for a supervisor's rework decision. Rows written before get them at the
 * case's next write (`fullcycle ledger rebuild` re-projects running cases at once).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_cases').addColumn('claim_overdue_from', 'bigint').execute();
  await db.schema
    .alterTable('ledger_cases')
    .addColumn('awaiting_decision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('ledger_steps').addColumn('claim_due_at', 'bigint').execute();
  await db.schema.alterTable('ledger_steps').addColumn('claim_overdue_from', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_steps').dropColumn('claim_overdue_from').execute();
  await db.schema.alterTable('ledger_steps').dropColumn('claim_due_at').execute();
  await db.schema.alterTable('ledger_cases').dropColumn('awaiting_decision').execute();
  await db.schema.alterTable('ledger_cases').dropColumn('claim_overdue_from').execute();
}
