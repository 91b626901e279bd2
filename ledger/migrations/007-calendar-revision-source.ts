/**
 * Each calendar revision's content as it was published (the calendar file's keys, holiday rules not expanded), so
 * that the next revision can start from it (`GET /v1/calendars/{calendar}`); null for revisions published before.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calendar_revisions').addColumn('source', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calendar_revisions').dropColumn('source').execute();
}
