/** Each step's English title from its flow, so that the inbox shows it in the English UI (NULL: none, or written before). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_steps').addColumn('title_en', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_steps').dropColumn('title_en').execute();
}
