/**
 * Metrics at scale (docs/ledger.md, "Scale"): a month's metrics by department read one narrow index of
 * `ledger_department_metrics` (each case's metric columns on each department that worked on it, kept by the
 * writer) instead of joining every case of the month to its departments and regions; the region-subtree filter
 * tests the case's own `region_path` instead of probing `ledger_case_regions` per case; and the covering index
 * of the cases gains the two columns the metrics read since (`claim_overdue_from`, `region_path`), so that no
 * case's wide row is fetched. Existing rows are backfilled here, from the rows as they are.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_cases').addColumn('region_path', 'text').execute();
  // The chain as the writer writes it (case-projection.ts): root first, each code between spaces.
  await sql`update ledger_cases set region_path = (
      select ' ' || string_agg(r.region, ' ' order by r.depth) || ' '
      from ledger_case_regions r where r.case_id = ledger_cases.case_id)`.execute(db);

  await db.schema
    .createTable('ledger_department_metrics')
    .addColumn('case_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('department', 'varchar(128)', (c) => c.notNull())
    .addColumn('reckon_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('reckon_week', 'varchar(10)')
    .addColumn('reckon_month', 'varchar(7)')
    .addColumn('reckon_quarter', 'varchar(7)')
    .addColumn('region_path', 'text')
    .addColumn('flow_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('suspended', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('reworks', 'integer', (c) => c.notNull())
    .addColumn('extensions', 'integer', (c) => c.notNull())
    .addColumn('satisfaction', 'varchar(32)')
    .addColumn('handling_working_ms', 'bigint')
    .addColumn('overdue_from', 'bigint')
    .addColumn('claim_overdue_from', 'bigint')
    .addPrimaryKeyConstraint('ledger_department_metrics_pk', ['case_id', 'department'])
    .execute();
  const copied = DEPARTMENT_METRICS_COLUMNS.filter((column) => column !== 'department');
  await sql`insert into ledger_department_metrics (department, ${sql.join(copied.map((c) => sql.ref(c)))})
      select d.department, ${sql.join(copied.map((c) => sql.ref(`c.${c}`)))}
      from ledger_case_departments d join ledger_cases c on c.case_id = d.case_id
      where c.reckon_day is not null`.execute(db);

  // Covering, after the day the metrics range over, like the cases' index below.
  await db.schema
    .createIndex('ledger_department_metrics_by_day')
    .on('ledger_department_metrics')
    .columns([...DEPARTMENT_INDEX_COLUMNS])
    .execute();
  await db.schema
    .createIndex('ledger_cases_metrics_2')
    .on('ledger_cases')
    .columns([...CASES_INDEX_COLUMNS])
    .execute();
  await db.schema.dropIndex('ledger_cases_metrics').execute();
}

/** What the metrics count (frozen here: a later change to the writer or the readers adds a migration). */
const COUNTED = [
  'closed',
  'on_time',
  'reworks',
  'extensions',
  'satisfaction',
  'handling_working_ms',
  'overdue_from',
  'claim_overdue_from',
] as const;
const PERIODS = ['reckon_week', 'reckon_month', 'reckon_quarter'] as const;

/** The columns of `ledger_department_metrics`, all copied from the case's row but `department`. */
const DEPARTMENT_METRICS_COLUMNS = [
  'case_id',
  'department',
  'reckon_day',
  ...PERIODS,
  'region_path',
  'flow_id',
  'suspended',
  ...COUNTED,
] as const;

/**
 * Its covering index: the day and the department first, the order the metrics group in (so that SQLite aggregates
 * as it reads), then what they filter on and count.
 */
const DEPARTMENT_INDEX_COLUMNS = [
  'reckon_day',
  'department',
  'suspended',
  'flow_id',
  ...COUNTED,
  ...PERIODS,
  'region_path',
] as const;

/** Migration 003's covering index of the cases, with `claim_overdue_from` and `region_path`. */
const CASES_INDEX_COLUMNS = [
  'reckon_day',
  'suspended',
  'flow_id',
  ...COUNTED,
  'stage',
  'region',
  ...PERIODS,
  'region_path',
  'case_id',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('ledger_cases_metrics')
    .on('ledger_cases')
    .columns(CASES_INDEX_COLUMNS.filter((c) => c !== 'claim_overdue_from' && c !== 'region_path'))
    .execute();
  await db.schema.dropIndex('ledger_cases_metrics_2').execute();
  await db.schema.dropTable('ledger_department_metrics').execute();
  await db.schema.alterTable('ledger_cases').dropColumn('region_path').execute();
}
