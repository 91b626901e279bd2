/**
 * Writes what the workflow sends, exactly once in effect: events are inserted keyed by (case, seq) and ignored
 * when already there; the case row and its steps are replaced only by a newer snapshot; departments and regions
 * only ever accumulate. All of one call in one transaction, so a retry after any failure is harmless.
 *
 * Set-based: a call with many batches (seeding, rebuilding, a feed write) costs a handful of multi-row statements,
 * not a handful per case. Batches of the same case in one call are applied in order, one round per repetition.
 */
import { sql, type Transaction } from 'kysely';
import type { LedgerBatch, LedgerEvent } from '../workflows/engine/case/ledger-snapshot';
import { groupCommit } from './group-commit';
import { caseRow, departmentRows, regionRows, stepRows, type EventCounts } from './case-projection';
import type { CasesTable, DepartmentMetricsTable, EventsTable, LedgerTables } from './ledger-tables';
import type { Ledger } from './open-ledger';

/** Rows per INSERT: well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits. */
const CHUNK = 400;
/** Case ids per `IN (…)` list. */
const IDS = 1_000;

const COUNTED = { reworks: ['rework-started', 'redo-started'], extensions: ['extension-approved'] } as const;

function eventRow(caseId: string, event: LedgerEvent): EventsTable {
  return {
    case_id: caseId,
    seq: event.seq,
    at: event.at,
    type: event.type,
    step_id: event.stepId ?? null,
    actor_sub: event.actor.sub,
    actor_role: event.actor.role,
    actor_dept: event.actor.dept ?? null,
    detail: event.detail,
    round: event.round ?? null,
    department: event.department ?? null,
    deadline_at: event.deadlineAt ?? null,
  };
}

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Splits the batches into rounds in which each case appears at most once, keeping each case's order. */
function rounds(batches: readonly LedgerBatch[]): LedgerBatch[][] {
  const out: LedgerBatch[][] = [];
  const seen = new Map<string, number>();
  for (const batch of batches) {
    const round = seen.get(batch.caseId) ?? 0;
    seen.set(batch.caseId, round + 1);
    (out[round] ??= []).push(batch);
  }
  return out;
}

/** The rework and extension counts of each case, from every event the ledger holds for it. */
async function eventCounts(
  trx: Transaction<LedgerTables>,
  caseIds: readonly string[],
): Promise<Map<string, EventCounts>> {
  const counts = new Map<string, { reworks: number; extensions: number }>();
  for (const id of caseIds) counts.set(id, { reworks: 0, extensions: 0 });
  for (const ids of chunks(caseIds, IDS)) {
    const rows = await trx
      .selectFrom('ledger_events')
      .select(['case_id', 'type', (eb) => eb.fn.countAll<number>().as('count')])
      .where('case_id', 'in', ids)
      .where('type', 'in', [...COUNTED.reworks, ...COUNTED.extensions])
      .groupBy(['case_id', 'type'])
      .execute();
    for (const row of rows) {
      const entry = counts.get(row.case_id)!;
      const key = (COUNTED.reworks as readonly string[]).includes(row.type) ? 'reworks' : 'extensions';
      entry[key] += Number(row.count);
    }
  }
  return counts;
}

/**
 * The proposed value of a column (`excluded`); a snapshot without the pinned calendar keeps the stored one (the
 * workflow sends it once per run).
 */
function proposed(column: string) {
  return column === 'calendar'
    ? sql`coalesce(excluded.calendar, ledger_cases.calendar)`
    : sql.ref(`excluded.${column}`);
}

/** Upserts the case rows whose snapshot is newer than the stored one; returns the ids written. */
async function upsertCases(trx: Transaction<LedgerTables>, rows: readonly CasesTable[]): Promise<string[]> {
  const written: string[] = [];
  // Every column but the key, set from the proposed row (`excluded`); caseRow always gives every column.
  const updated = Object.keys(rows[0] ?? {}).filter((column) => column !== 'case_id');
  for (const chunk of chunks(rows, CHUNK / 2)) {
    const result = await trx
      .insertInto('ledger_cases')
      .values(chunk)
      .onConflict((conflict) =>
        conflict
          .column('case_id')
          .doUpdateSet(Object.fromEntries(updated.map((column) => [column, proposed(column)])))
          .where('ledger_cases.snapshot_seq', '<', sql.ref<number>('excluded.snapshot_seq')),
      )
      .returning('case_id')
      .execute();
    written.push(...result.map((row) => row.case_id));
  }
  return written;
}

async function insertIgnoring<T extends 'ledger_events' | 'ledger_case_departments' | 'ledger_case_regions'>(
  trx: Transaction<LedgerTables>,
  table: T,
  rows: readonly LedgerTables[T][],
  key: readonly string[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto(table)
      .values(chunk as never)
      .onConflict((conflict) => conflict.columns(key as never).doNothing())
      .execute();
  }
}

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

/**
 * Makes the cases' rows in `ledger_department_metrics` what their case rows and departments hold now: the same
 * whatever was written before, so a repeated or out-of-order write leaves them right.
 */
async function refreshDepartmentMetrics(
  trx: Transaction<LedgerTables>,
  caseIds: readonly string[],
): Promise<void> {
  for (const ids of chunks(caseIds, IDS)) {
    await trx.deleteFrom('ledger_department_metrics').where('case_id', 'in', ids).execute();
    await trx
      .insertInto('ledger_department_metrics')
      .columns(['department', ...DEPARTMENT_METRICS])
      .expression(
        trx
          .selectFrom('ledger_case_departments as d')
          .innerJoin('ledger_cases as c', 'c.case_id', 'd.case_id')
          .select(['d.department', ...DEPARTMENT_METRICS.map((column) => `c.${column}` as const)])
          .where('d.case_id', 'in', ids)
          .where('c.reckon_day', 'is not', null),
      )
      .execute();
  }
}

/** Applies batches of distinct cases. */
async function applyRound(
  trx: Transaction<LedgerTables>,
  batches: readonly LedgerBatch[],
  now: number,
): Promise<void> {
  const events = batches.flatMap((batch) => batch.events.map((event) => eventRow(batch.caseId, event)));
  await insertIgnoring(trx, 'ledger_events', events, ['case_id', 'seq']);
  const counts = await eventCounts(
    trx,
    batches.map((batch) => batch.caseId),
  );
  const written = new Set(
    await upsertCases(
      trx,
      batches.map((batch) => caseRow(batch.snapshot, counts.get(batch.caseId)!, now)),
    ),
  );
  // The steps of a case written just now are replaced with its snapshot's; an older snapshot leaves them.
  const replaced = batches.filter((batch) => written.has(batch.caseId));
  for (const ids of chunks(
    replaced.map((batch) => batch.caseId),
    IDS,
  )) {
    await trx.deleteFrom('ledger_steps').where('case_id', 'in', ids).execute();
  }
  for (const rows of chunks(replaced.flatMap((batch) => stepRows(batch.snapshot)))) {
    await trx.insertInto('ledger_steps').values(rows).execute();
  }
  const departments = batches.flatMap((batch) => departmentRows(batch.snapshot, batch.events));
  await insertIgnoring(trx, 'ledger_case_departments', departments, ['case_id', 'department']);
  const regions = batches.flatMap((batch) => regionRows(batch.snapshot));
  await insertIgnoring(trx, 'ledger_case_regions', regions, ['case_id', 'region']);
  await refreshDepartmentMetrics(
    trx,
    batches.map((batch) => batch.caseId),
  );
}

/** Applies many batches in one transaction (a feed write, seeding, rebuilding): the same as one by one. */
export async function writeLedgerBatches(
  ledger: Ledger,
  batches: readonly LedgerBatch[],
  now = Date.now(),
): Promise<void> {
  if (batches.length === 0) return;
  await ledger.db.transaction().execute(async (trx) => {
    for (const round of rounds(batches)) await applyRound(trx, round, now);
  });
}

/** Applies one batch in one transaction; safe to repeat and to apply out of order. */
export async function writeLedgerBatch(ledger: Ledger, batch: LedgerBatch, now = Date.now()): Promise<void> {
  await writeLedgerBatches(ledger, [batch], now);
}

/**
 * The writer the feed's activity is built over (activities/ledger-activities.ts): one per process and ledger.
 * Batches written while a transaction runs are committed together in the next one (ledger/group-commit.ts); each
 * `write` resolves once its own batch is committed and fails only with its own batch's error.
 */
export function createLedgerWriter(ledger: Ledger): { write(batch: LedgerBatch): Promise<void> } {
  return { write: groupCommit<LedgerBatch>((batches) => writeLedgerBatches(ledger, batches)) };
}
