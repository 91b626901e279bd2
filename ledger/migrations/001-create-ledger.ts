/** The first schema: cases, their steps, events, the departments that worked on them and their region chain. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_cases')
    .addColumn('case_id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('snapshot_seq', 'integer', (c) => c.notNull())
    .addColumn('flow_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('flow_version', 'integer', (c) => c.notNull())
    .addColumn('region', 'varchar(32)', (c) => c.notNull())
    .addColumn('timezone', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'varchar(16)', (c) => c.notNull())
    .addColumn('emergency_level', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('last_progress_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('next_due_at', 'bigint')
    .addColumn('overdue_from', 'bigint')
    .addColumn('waiting_on', 'text', (c) => c.notNull())
    .addColumn('reckon_at', 'bigint')
    .addColumn('reckon_day', 'varchar(10)')
    .addColumn('reckon_week', 'varchar(10)')
    .addColumn('reckon_month', 'varchar(7)')
    .addColumn('reckon_quarter', 'varchar(7)')
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('suspended', 'integer', (c) => c.notNull())
    .addColumn('reworks', 'integer', (c) => c.notNull())
    .addColumn('extensions', 'integer', (c) => c.notNull())
    .addColumn('satisfaction', 'varchar(32)')
    .addColumn('handling_working_ms', 'bigint')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('written_at', 'bigint', (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['ledger_cases_status_progress', ['status', 'last_progress_at', 'case_id']],
    ['ledger_cases_opened', ['opened_at', 'case_id']],
    ['ledger_cases_reckon_day', ['reckon_day']],
    ['ledger_cases_flow', ['flow_id', 'flow_version']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('ledger_cases')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('ledger_events')
    .addColumn('case_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('step_id', 'varchar(128)')
    .addColumn('actor_sub', 'varchar(256)', (c) => c.notNull())
    .addColumn('actor_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_dept', 'varchar(128)')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('round', 'integer')
    .addColumn('department', 'varchar(128)')
    .addColumn('deadline_at', 'bigint')
    .addPrimaryKeyConstraint('ledger_events_pk', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('ledger_steps')
    .addColumn('case_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('step_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('department', 'varchar(128)')
    .addColumn('due_at', 'bigint')
    .addColumn('sort_due_at', 'bigint', (c) => c.notNull())
    .addColumn('overdue_from', 'bigint')
    .addPrimaryKeyConstraint('ledger_steps_pk', ['case_id', 'step_id'])
    .execute();
  await db.schema
    .createIndex('ledger_steps_inbox')
    .on('ledger_steps')
    .columns(['department', 'status', 'sort_due_at', 'case_id', 'step_id'])
    .execute();

  await db.schema
    .createTable('ledger_case_departments')
    .addColumn('case_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('department', 'varchar(128)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_case_departments_pk', ['case_id', 'department'])
    .execute();
  await db.schema
    .createIndex('ledger_case_departments_by_department')
    .on('ledger_case_departments')
    .columns(['department', 'case_id'])
    .execute();

  await db.schema
    .createTable('ledger_case_regions')
    .addColumn('case_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('region', 'varchar(32)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_case_regions_pk', ['case_id', 'region'])
    .execute();
  await db.schema
    .createIndex('ledger_case_regions_by_region')
    .on('ledger_case_regions')
    .columns(['region', 'case_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'ledger_case_regions',
    'ledger_case_departments',
    'ledger_steps',
    'ledger_events',
    'ledger_cases',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
