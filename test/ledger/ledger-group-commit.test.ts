/**
 * The feed's writer commits batches that arrive while a transaction runs together in the next one: on a real
 * SQLite file and on PostgreSQL, concurrent writes leave exactly the rows one-by-one writes leave, and a bad batch
 * in a group fails only its own caller.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createLedgerWriter,
  openLedger,
  readCaseEvents,
  readCaseRecord,
  writeLedgerBatch,
  type Ledger,
  type LedgerEngine,
} from '../../ledger';
import type { LedgerTables } from '../../ledger/ledger-tables';
import { ledgerEngines, sharedPostgres, stopSharedPostgres } from '../helpers/ledger-engines';
import { caseWrites } from '../workflows/engine/case/fixtures/case-writes';

/** Every row of every table the writer keeps, in key order, without the instant of writing. */
async function ledgerRows(ledger: Ledger): Promise<Record<string, unknown[]>> {
  const tables: Record<string, readonly string[]> = {
    ledger_cases: ['case_id'],
    ledger_events: ['case_id', 'seq'],
    ledger_steps: ['case_id', 'step_id'],
    ledger_case_departments: ['case_id', 'department'],
    ledger_case_regions: ['case_id', 'region'],
    ledger_department_metrics: ['case_id', 'department'],
  };
  const rows: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    let query = ledger.db.selectFrom(table as keyof LedgerTables).selectAll();
    for (const column of key) query = query.orderBy(column as never);
    rows[table] = (await query.execute()).map((row) => {
      const { written_at: _writtenAt, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  }
  return rows;
}

/** A new, migrated ledger on `engine`: SQLite in a real file (WAL), PostgreSQL in its own database. */
async function ledgerOn(engine: LedgerEngine, dir: string, name: string): Promise<Ledger> {
  if (engine === 'sqlite') return openLedger({ file: path.join(dir, `${name}.sqlite`) });
  const postgres = await sharedPostgres();
  if (postgres === undefined) throw new Error('PostgreSQL is not installed');
  return openLedger({ databaseUrl: await postgres.createDatabase() });
}

afterAll(stopSharedPostgres);

describe.each(ledgerEngines())('group commit of ledger writes (%s)', (engine) => {
  let dir: string;
  const opened: Ledger[] = [];
  const open = async (name: string): Promise<Ledger> => {
    const ledger = await ledgerOn(engine, dir, name);
    opened.push(ledger);
    return ledger;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-group-commit-'));
  });
  afterAll(async () => {
    for (const ledger of opened) await ledger.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the same rows as writing each batch on its own, with many cases writing at once', async () => {
    const cases = Array.from({ length: 12 }, (_, i) => caseWrites(`GROUP-${i}`, i % 3 === 0));
    const oneByOne = await open('one-by-one');
    for (const writes of cases) for (const batch of writes) await writeLedgerBatch(oneByOne, batch);
    const grouped = await open('grouped');
    const writer = createLedgerWriter(grouped);
    // Each case writes its batches one after the other, as the feed does; the cases all at once.
    await Promise.all(
      cases.map(async (writes) => {
        for (const batch of writes) await writer.write(batch);
      }),
    );
    const expected = await ledgerRows(oneByOne);
    expect(await ledgerRows(grouped)).toEqual(expected);
    expect(expected.ledger_cases).toContainEqual(
      expect.objectContaining({ case_id: 'GROUP-0', reworks: 1, status: 'closed' }),
    );
    expect(expected.ledger_department_metrics!.length).toBeGreaterThan(0);
  });

  it('fails only the caller whose batch the database refuses, and commits the others of its group', async () => {
    const ledger = await open('refusing');
    const writer = createLedgerWriter(ledger);
    const batches = ['REFUSE-A', 'REFUSE-B', 'REFUSE-BAD', 'REFUSE-C', 'REFUSE-D'].map(
      (id) => caseWrites(id, false)[0]!,
    );
    // flow_id is NOT NULL: the database refuses this case row, and with it the transaction it is in.
    const bad = batches[2]!;
    batches[2] = { ...bad, snapshot: { ...bad.snapshot, flowId: null as unknown as string } };
    // Written in one go: the first starts a transaction at once, the other four wait for it and form one group.
    const outcomes = await Promise.allSettled(batches.map((batch) => writer.write(batch)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const id of ['REFUSE-A', 'REFUSE-B', 'REFUSE-C', 'REFUSE-D']) {
      expect((await readCaseRecord(ledger, id))?.snapshot.status).toBe('open');
    }
    expect(await readCaseRecord(ledger, 'REFUSE-BAD')).toBeUndefined();
    expect(await readCaseEvents(ledger, 'REFUSE-BAD')).toEqual([]);
    // The writer goes on after a refusal.
    await writer.write(caseWrites('REFUSE-AFTER', false)[0]!);
    expect((await readCaseRecord(ledger, 'REFUSE-AFTER'))?.snapshot.status).toBe('open');
  });
});
