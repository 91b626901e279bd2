/**
 * Writes what the workflow sends, exactly once in effect: events are inserted keyed by (case, seq) and ignored
 * when already there; the case row and its steps are replaced only by a newer snapshot; departments and regions
 * only ever accumulate. All of one batch in one transaction, so a retry after any failure is harmless.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LedgerBatch, LedgerEvent } from '../workflows/engine/case/ledger-snapshot';
import { caseRow, departmentRows, regionRows, stepRows, type EventCounts } from './case-projection';
import type { EventsTable, LedgerTables } from './ledger-tables';
import type { Ledger } from './open-ledger';

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

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

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

async function eventCounts(trx: Transaction<LedgerTables>, caseId: string): Promise<EventCounts> {
  const rows = await trx
    .selectFrom('ledger_events')
    .select(['type', (eb) => eb.fn.countAll<number>().as('count')])
    .where('case_id', '=', caseId)
    .where('type', 'in', ['rework-started', 'redo-started', 'extension-approved'])
    .groupBy('type')
    .execute();
  const count = (type: string): number => Number(rows.find((row) => row.type === type)?.count ?? 0);
  return {
    reworks: count('rework-started') + count('redo-started'),
    extensions: count('extension-approved'),
  };
}

async function replaceCase(trx: Transaction<LedgerTables>, batch: LedgerBatch, now: number): Promise<void> {
  const row = caseRow(batch.snapshot, await eventCounts(trx, batch.caseId), now);
  const { case_id: _key, ...update } = row;
  const result = await trx
    .insertInto('ledger_cases')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .column('case_id')
        .doUpdateSet(update)
        .where('ledger_cases.snapshot_seq', '<', row.snapshot_seq),
    )
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return; // an older snapshot than the stored one
  await trx.deleteFrom('ledger_steps').where('case_id', '=', batch.caseId).execute();
  for (const rows of chunks(stepRows(batch.snapshot))) {
    await trx.insertInto('ledger_steps').values(rows).execute();
  }
}

async function insertIgnoring(
  db: Kysely<LedgerTables>,
  table: 'ledger_case_departments' | 'ledger_case_regions',
  rows: readonly LedgerTables[typeof table][],
  key: readonly ('case_id' | 'department' | 'region')[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto(table)
      .values(chunk)
      .onConflict((conflict) => conflict.columns([...key]).doNothing())
      .execute();
  }
}

async function applyBatch(trx: Transaction<LedgerTables>, batch: LedgerBatch, now: number): Promise<void> {
  for (const rows of chunks(batch.events.map((event) => eventRow(batch.caseId, event)))) {
    await trx
      .insertInto('ledger_events')
      .values(rows)
      .onConflict((conflict) => conflict.columns(['case_id', 'seq']).doNothing())
      .execute();
  }
  await replaceCase(trx, batch, now);
  await insertIgnoring(trx, 'ledger_case_departments', departmentRows(batch.snapshot, batch.events), [
    'case_id',
    'department',
  ]);
  await insertIgnoring(trx, 'ledger_case_regions', regionRows(batch.snapshot), ['case_id', 'region']);
}

/** Applies one batch in one transaction; safe to repeat and to apply out of order. */
export async function writeLedgerBatch(ledger: Ledger, batch: LedgerBatch, now = Date.now()): Promise<void> {
  await ledger.db.transaction().execute((trx) => applyBatch(trx, batch, now));
}

/** Applies many batches in one transaction (seeding, rebuilding): the same effect as one by one. */
export async function writeLedgerBatches(
  ledger: Ledger,
  batches: readonly LedgerBatch[],
  now = Date.now(),
): Promise<void> {
  await ledger.db.transaction().execute(async (trx) => {
    for (const batch of batches) await applyBatch(trx, batch, now);
  });
}

/** The writer the feed's activity is built over (activities/ledger-activities.ts). */
export function createLedgerWriter(ledger: Ledger): { write(batch: LedgerBatch): Promise<void> } {
  return { write: (batch) => writeLedgerBatch(ledger, batch) };
}
