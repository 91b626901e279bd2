/**
 * The statements the ledger writer runs (ledger/ledger-writer.ts), each over the one input it varies with: the
 * rows it inserts or the case ids it reads, deletes or copies. Compiled once per shape (ledger/statement-shapes.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { CasesTable, DepartmentMetricsTable, LedgerTables, StepsTable } from './ledger-tables';
import type { ShapedStatement, ShapeInput } from './statement-shapes';

type Statement<I extends ShapeInput, R = unknown> = ShapedStatement<LedgerTables, I, R>;
type Ids = readonly string[];

/** Timeline event types counted on the case row. */
export const COUNTED = {
  reworks: ['rework-started', 'redo-started'],
  extensions: ['extension-approved'],
} as const;

type IgnoringTable = 'ledger_events' | 'ledger_case_departments' | 'ledger_case_regions';

/** Inserts rows of `table`, ignoring those whose `key` is already there. */
function insertIgnoring<T extends IgnoringTable>(
  table: T,
  key: readonly (keyof LedgerTables[T] & string)[],
): Statement<readonly LedgerTables[T][]> {
  return {
    name: `insert ignoring ${table}`,
    build: (db, rows) =>
      db
        .insertInto(table)
        .values(rows as never)
        .onConflict((conflict) => conflict.columns(key as never).doNothing()),
  };
}

export const insertEvents = insertIgnoring('ledger_events', ['case_id', 'seq']);
export const insertDepartments = insertIgnoring('ledger_case_departments', ['case_id', 'department']);
export const insertRegions = insertIgnoring('ledger_case_regions', ['case_id', 'region']);

/** The counted events of the cases, by case and type. */
export const countEvents: Statement<Ids, { case_id: string; type: string; count: number }> = {
  name: 'count events',
  build: (db, ids) =>
    db
      .selectFrom('ledger_events')
      .select(['case_id', 'type', (eb) => eb.fn.countAll<number>().as('count')])
      .where('case_id', 'in', ids)
      .where('type', 'in', [...COUNTED.reworks, ...COUNTED.extensions])
      .groupBy(['case_id', 'type']),
};

/**
 * The proposed value of a column (`excluded`); a snapshot without the pinned calendar keeps the stored one (the
 * workflow sends it once per run).
 */
function proposed(column: string) {
  return column === 'calendar'
    ? sql`coalesce(excluded.calendar, ledger_cases.calendar)`
    : sql.ref(`excluded.${column}`);
}

/** Upserts case rows whose snapshot is newer than the stored one; answers the ids written. */
export const upsertCases: Statement<readonly CasesTable[], { case_id: string }> = {
  name: 'upsert cases',
  build: (db, rows) => {
    // Every column but the key, set from the proposed row (`excluded`); caseRow always gives every column.
    const updated = Object.keys(rows[0] ?? {}).filter((column) => column !== 'case_id');
    return db
      .insertInto('ledger_cases')
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .column('case_id')
          .doUpdateSet(Object.fromEntries(updated.map((column) => [column, proposed(column)])))
          .where('ledger_cases.snapshot_seq', '<', sql.ref<number>('excluded.snapshot_seq')),
      )
      .returning('case_id');
  },
};

export const deleteSteps: Statement<Ids> = {
  name: 'delete steps',
  build: (db, ids) => db.deleteFrom('ledger_steps').where('case_id', 'in', ids),
};

/** Deletes the steps of one case (the input's first value) but those named (the rest). */
export const deleteStepsBut: Statement<Ids> = {
  name: 'delete steps but',
  build: (db, [caseId, ...kept]) =>
    db.deleteFrom('ledger_steps').where('case_id', '=', caseId!).where('step_id', 'not in', kept),
};

/**
 * Inserts step rows, or updates a stored step to the row given, only where one of its values differs: a step the
 * transition left as it was is not written again (nor are its three index entries), which was most of the pages
 * a ledger write committed (docs/benchmarks.md, "The worker's ledger writes write only what changed").
 */
export const upsertSteps: Statement<readonly StepsTable[]> = {
  name: 'upsert steps',
  build: (db, rows) => {
    const values = Object.keys(rows[0] ?? {}).filter(
      (column) => column !== 'case_id' && column !== 'step_id',
    );
    return db
      .insertInto('ledger_steps')
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .columns(['case_id', 'step_id'])
          .doUpdateSet(Object.fromEntries(values.map((column) => [column, sql.ref(`excluded.${column}`)])))
          .where((eb) =>
            eb.or(
              values.map((column) =>
                eb(sql.ref(`ledger_steps.${column}`), 'is distinct from', sql.ref(`excluded.${column}`)),
              ),
            ),
          ),
      );
  },
};

/** The columns `ledger_department_metrics` copies from each case's row (every one but `department`). */
const DEPARTMENT_METRICS = [
  'case_id',
  'reckon_day',
  'reckon_week',
  'reckon_month',
  'reckon_quarter',
  'region_path',
  'flow_id',
  'suspended',
  'closed',
  'on_time',
  'reworks',
  'extensions',
  'satisfaction',
  'handling_working_ms',
  'overdue_from',
  'claim_overdue_from',
] as const satisfies readonly Exclude<keyof DepartmentMetricsTable, 'department'>[];

export const deleteDepartmentMetrics: Statement<Ids> = {
  name: 'delete department metrics',
  build: (db, ids) => db.deleteFrom('ledger_department_metrics').where('case_id', 'in', ids),
};

/** Copies the cases' rows into `ledger_department_metrics`, one per department (once the case has a reckon day). */
export const copyDepartmentMetrics: Statement<Ids> = {
  name: 'copy department metrics',
  build: (db: Kysely<LedgerTables>, ids) =>
    db
      .insertInto('ledger_department_metrics')
      .columns(['department', ...DEPARTMENT_METRICS])
      .expression(
        db
          .selectFrom('ledger_case_departments as d')
          .innerJoin('ledger_cases as c', 'c.case_id', 'd.case_id')
          .select(['d.department', ...DEPARTMENT_METRICS.map((column) => `c.${column}` as const)])
          .where('d.case_id', 'in', ids)
          .where('c.reckon_day', 'is not', null),
      ),
};
