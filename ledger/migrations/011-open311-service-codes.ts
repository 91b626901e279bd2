/**
 * The Open311 service codes that flows published through the API claim (docs/flow-language.md, "Publishing a flow
 * version"): one flow per code, kept by the primary key, so that two API instances publishing different flows with
 * the same code at the same moment cannot both store them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_service_codes')
    .addColumn('service_code', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('open311_service_codes').execute();
}
