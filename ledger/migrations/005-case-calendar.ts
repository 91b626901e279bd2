/** Each case's pinned calendar, for remaining working time in the inbox (the workflow sends it once per run). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_cases').addColumn('calendar', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_cases').dropColumn('calendar').execute();
}
