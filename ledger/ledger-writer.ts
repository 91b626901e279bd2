/**
 * Writes what the workflow sends, exactly once in effect: events are inserted keyed by (case, seq) and ignored
 * when already there; the case row and its steps are replaced only by a newer snapshot; departments and regions
 * only ever accumulate. All of one call in one transaction, so a retry after any failure is harmless.
 *
 * Set-based: a call with many batches (seeding, rebuilding, a feed write) costs a handful of multi-row statements,
 * not a handful per case. Batches of the same case in one call are applied in order, one round per repetition.
 */
import type { Transaction } from 'kysely';
import type { LedgerBatch } from '../workflows/engine/case/ledger-snapshot';
import { groupCommit } from './group-commit';
import { caseRow, departmentRows, eventRow, regionRows, stepRows, type EventCounts } from './case-projection';
import type { LedgerTables } from './ledger-tables';
import type { Ledger } from './open-ledger';
import { executeShaped, type ShapedStatement, type ShapeInput } from './statement-shapes';
import {
  copyDepartmentMetrics,
  COUNTED,
  countEvents,
  deleteDepartmentMetrics,
  deleteSteps,
  deleteStepsBut,
  insertDepartments,
  insertEvents,
  insertRegions,
  upsertCases,
  upsertSteps,
} from './writer-statements';

/** Rows per INSERT: well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits. */
const CHUNK = 400;
/** Case ids per `IN (…)` list. */
const IDS = 1_000;

/** A transaction of the ledger, with what its statements' compiled shapes are kept for (ledger/statement-shapes.ts). */
interface Writing {
  readonly trx: Transaction<LedgerTables>;
  readonly ledger: Ledger;
}

/**
 * `rows` in pieces of at most `size`, each as long as a power of two. A statement's SQL differs with its row count,
 * so writes grouped in any number would make a shape per count (191 SQL texts in a throughput run, where 100 are
 * kept prepared and compiled, ledger/sqlite-statement-cache.ts and ledger/statement-shapes.ts): in pieces, each
 * statement has at most one shape per power of two.
 */
function pieces<T>(rows: readonly T[], size: number): T[][] {
  let largest = 1;
  while (largest * 2 <= size) largest *= 2;
  const out: T[][] = [];
  for (let start = 0; start < rows.length; ) {
    let length = largest;
    while (length > rows.length - start) length /= 2;
    out.push(rows.slice(start, start + length));
    start += length;
  }
  return out;
}

/** Runs `statement` over `input` in pieces of at most `size` (see `pieces`); answers every piece's rows. */
async function run<T extends ShapeInput[number], R>(
  writing: Writing,
  statement: ShapedStatement<LedgerTables, readonly T[], R>,
  input: readonly T[],
  size: number,
): Promise<R[]> {
  const rows: R[] = [];
  for (const chunk of pieces(input, size)) {
    rows.push(
      ...(
        await executeShaped<LedgerTables, readonly T[], R>(writing.trx, writing.ledger.db, statement, chunk)
      ).rows,
    );
  }
  return rows;
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
async function eventCounts(writing: Writing, caseIds: readonly string[]): Promise<Map<string, EventCounts>> {
  const counts = new Map<string, { reworks: number; extensions: number }>();
  for (const id of caseIds) counts.set(id, { reworks: 0, extensions: 0 });
  for (const row of await run(writing, countEvents, caseIds, IDS)) {
    const entry = counts.get(row.case_id)!;
    const key = (COUNTED.reworks as readonly string[]).includes(row.type) ? 'reworks' : 'extensions';
    entry[key] += Number(row.count);
  }
  return counts;
}

/**
 * Makes the cases' rows in `ledger_department_metrics` what their case rows and departments hold now: the same
 * whatever was written before, so a repeated or out-of-order write leaves them right.
 */
async function refreshDepartmentMetrics(writing: Writing, caseIds: readonly string[]): Promise<void> {
  for (const ids of chunks(caseIds, IDS)) {
    await run(writing, deleteDepartmentMetrics, ids, IDS);
    await run(writing, copyDepartmentMetrics, ids, IDS);
  }
}

/**
 * Makes the stored steps of each batch's case those of its snapshot: the steps it no longer has deleted, the
 * others inserted or updated where they differ (the rows as deleting and inserting them all would leave them).
 */
async function replaceSteps(writing: Writing, batches: readonly LedgerBatch[]): Promise<void> {
  const withoutSteps = batches.filter((batch) => batch.snapshot.steps.length === 0);
  await run(
    writing,
    deleteSteps,
    withoutSteps.map((batch) => batch.caseId),
    IDS,
  );
  for (const batch of batches) {
    const kept = batch.snapshot.steps.map((step) => step.id);
    if (kept.length > 0)
      await executeShaped<LedgerTables, readonly string[], unknown>(
        writing.trx,
        writing.ledger.db,
        deleteStepsBut,
        [batch.caseId, ...kept],
      );
  }
  await run(
    writing,
    upsertSteps,
    batches.flatMap((batch) => stepRows(batch.snapshot)),
    CHUNK,
  );
}

/** Applies batches of distinct cases. */
async function applyRound(writing: Writing, batches: readonly LedgerBatch[], now: number): Promise<void> {
  const events = batches.flatMap((batch) => batch.events.map((event) => eventRow(batch.caseId, event)));
  await run(writing, insertEvents, events, CHUNK);
  const counts = await eventCounts(
    writing,
    batches.map((batch) => batch.caseId),
  );
  const cases = batches.map((batch) => caseRow(batch.snapshot, counts.get(batch.caseId)!, now));
  const written = new Set((await run(writing, upsertCases, cases, CHUNK / 2)).map((row) => row.case_id));
  // The steps of a case written just now become its snapshot's; an older snapshot leaves them.
  await replaceSteps(
    writing,
    batches.filter((batch) => written.has(batch.caseId)),
  );
  const departments = batches.flatMap((batch) => departmentRows(batch.snapshot, batch.events));
  await run(writing, insertDepartments, departments, CHUNK);
  await run(
    writing,
    insertRegions,
    batches.flatMap((batch) => regionRows(batch.snapshot)),
    CHUNK,
  );
  await refreshDepartmentMetrics(
    writing,
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
    for (const round of rounds(batches)) await applyRound({ trx, ledger }, round, now);
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
