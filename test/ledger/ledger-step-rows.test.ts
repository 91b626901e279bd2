/**
 * The writer keeps a case's step rows as its newest snapshot has them: after every write they are exactly the rows
 * `stepRows` makes of that snapshot (what deleting and inserting them all left), though a write now only inserts,
 * updates or deletes the steps that differ. On SQLite and PostgreSQL.
 */
import { createLedgerWriter, writeLedgerBatch, type Ledger } from '../../ledger';
import { stepRows } from '../../ledger/case-projection';
import type { LedgerBatch, LedgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import { describeEachLedger } from '../helpers/ledger-engines';
import { caseWrites } from '../workflows/engine/case/fixtures/case-writes';

/** The case's stored step rows, in step order. */
async function storedSteps(ledger: Ledger, caseId: string): Promise<unknown[]> {
  return ledger.db
    .selectFrom('ledger_steps')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('step_id')
    .execute();
}

/** The rows of the snapshot's steps, in step order. */
function rowsOf(snapshot: LedgerSnapshot): unknown[] {
  return stepRows(snapshot).sort((a, b) => (a.step_id < b.step_id ? -1 : a.step_id > b.step_id ? 1 : 0));
}

describeEachLedger('the ledger step rows', (ledger) => {
  it('are the newest snapshot’s after every write of real cases, one by one and grouped', async () => {
    for (const reworked of [false, true]) {
      const caseId = `STEPS-${reworked ? 'REWORKED' : 'PLAIN'}`;
      for (const batch of caseWrites(caseId, reworked)) {
        await writeLedgerBatch(ledger(), batch);
        expect(await storedSteps(ledger(), caseId)).toEqual(rowsOf(batch.snapshot));
      }
    }
    const writer = createLedgerWriter(ledger());
    const cases = ['STEPS-G1', 'STEPS-G2', 'STEPS-G3'].map((id, index) => caseWrites(id, index !== 1));
    await Promise.all(
      cases.map(async (writes) => {
        for (const batch of writes) await writer.write(batch);
      }),
    );
    for (const writes of cases) {
      const newest = writes.at(-1)!.snapshot;
      expect(await storedSteps(ledger(), newest.caseId)).toEqual(rowsOf(newest));
    }
  });

  it('lose a step a newer snapshot no longer has, take its changes, and ignore an older snapshot', async () => {
    const writes = caseWrites('STEPS-CHANGED', true);
    for (const batch of writes) await writeLedgerBatch(ledger(), batch);
    const newest = writes.at(-1)!.snapshot;
    const [dropped, changed, ...rest] = newest.steps;
    expect(dropped).toBeDefined();
    expect(changed).toBeDefined();
    const later: LedgerBatch = {
      caseId: newest.caseId,
      events: [],
      snapshot: {
        ...newest,
        seq: newest.seq + 1,
        steps: [
          { ...changed!, status: 'active', department: 'dept-later', dueAt: 1_900_000_000_000 },
          ...rest,
        ],
      },
    };
    await writeLedgerBatch(ledger(), later);
    const stored = await storedSteps(ledger(), newest.caseId);
    expect(stored).toEqual(rowsOf(later.snapshot));
    expect(stored).not.toContainEqual(expect.objectContaining({ step_id: dropped!.id }));
    // An older snapshot arriving late changes none of them.
    await writeLedgerBatch(ledger(), writes[1]!);
    expect(await storedSteps(ledger(), newest.caseId)).toEqual(stored);
    // A newer snapshot without steps leaves none.
    await writeLedgerBatch(ledger(), {
      ...later,
      snapshot: { ...later.snapshot, seq: later.snapshot.seq + 1, steps: [] },
    });
    expect(await storedSteps(ledger(), newest.caseId)).toEqual([]);
  });
});
