/** The clock each step's deadline runs on, so the inbox counts the time left on it (calendar or working time). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_steps').addColumn('due_clock', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_steps').dropColumn('due_clock').execute();
}
