/** Published revisions of working calendars (docs/calendar-revisions.md): new cases start on the latest. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_revisions')
    .addColumn('calendar', 'varchar(128)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('digest', 'varchar(64)', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', 'varchar(256)', (c) => c.notNull())
    .addColumn('working_calendar', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_revisions_pk', ['calendar', 'revision'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_revisions').execute();
}
