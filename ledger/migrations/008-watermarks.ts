/**
 * Named instants a process of the ledger has read up to, kept across restarts: the closure reconciler's watermark
 * on Temporal's CloseTime (ledger/closures/, docs/ledger.md).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_watermarks')
    .addColumn('name', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ledger_watermarks').execute();
}
