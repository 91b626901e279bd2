/**
 * A closure outside the engine written into the ledger, on SQLite and on PostgreSQL: written by two workers (or one
 * twice) it is there once, the case drops out of its department's inbox and the stalled list, and the
 * reconciler's watermark only moves forward.
 */
import {
  advanceWatermark,
  CLOSURE_SEQ,
  closureBatch,
  departmentInbox,
  readCaseEvents,
  readCaseRecord,
  readWatermark,
  stalledCases,
  writeLedgerBatch,
} from '../../../ledger';
import { ledgerBatch, ledgerSnapshot } from '../../../workflows/engine/case/ledger-snapshot';
import { describeEachLedger } from '../../helpers/ledger-engines';
import { at } from '../../workflows/engine/case/fixtures/calendars';
import { runningGarbageCase } from './running-garbage-case';

const CLOSED = at('2026-03-02T11:00:00+08:00');
const NOW = at('2026-03-02T12:00:00+08:00');

describeEachLedger('a closure outside the engine in the ledger', (ledger) => {
  it('is written once however many times it is written, and the case leaves inbox and stalled', async () => {
    const c = runningGarbageCase('L-TERMINATED');
    await writeLedgerBatch(ledger(), ledgerBatch(c.state, 0), NOW);
    const running = Object.values(c.state.steps).find((step) => step.status === 'active');
    const department = running!.assignee!.department;
    const inbox = () =>
      departmentInbox(ledger(), { department, limit: 50, now: NOW }).then((page) =>
        page.items.map((item) => item.caseId),
      );
    const stalled = () =>
      stalledCases(ledger(), { limit: 50, now: NOW }).then((page) => page.items.map((item) => item.caseId));
    expect(await inbox()).toContain('L-TERMINATED');
    expect(await stalled()).toContain('L-TERMINATED');

    const batch = closureBatch(ledgerSnapshot(c.state), {
      kind: 'terminated',
      at: CLOSED,
      identity: 'ops@host',
    });
    await writeLedgerBatch(ledger(), batch, NOW);
    await writeLedgerBatch(ledger(), batch, NOW); // a second worker's pass, or a repeated one

    const events = await readCaseEvents(ledger(), 'L-TERMINATED');
    expect(events.filter((event) => event.type === 'workflow-terminated')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ seq: CLOSURE_SEQ, actor: { sub: 'ops@host' } });
    expect((await readCaseRecord(ledger(), 'L-TERMINATED'))?.snapshot).toMatchObject({
      status: 'cancelled',
      closedAt: CLOSED,
    });
    expect(await inbox()).not.toContain('L-TERMINATED');
    expect(await stalled()).not.toContain('L-TERMINATED');
  });

  it('stays closed when a write the workflow sent before it was terminated lands after the closure', async () => {
    const c = runningGarbageCase('L-LATE');
    await writeLedgerBatch(ledger(), ledgerBatch(c.state, 0), NOW);
    const recorded = ledgerSnapshot(c.state);
    // The workflow went on (its case filed and dispatched); the sink's write of that is delivered late.
    c.complete('file', {}, CLOSED - 20 * 60_000).serve('dispatch', { ok: true, result: {} }, CLOSED - 60_000);
    const late = ledgerBatch(c.state, recorded.seq + 1);
    expect(late.events.length).toBeGreaterThan(1);

    const closure = { kind: 'terminated', at: CLOSED, identity: 'ops@host' } as const;
    await writeLedgerBatch(ledger(), closureBatch(recorded, closure), NOW);
    await writeLedgerBatch(ledger(), late, NOW);
    // A second worker's pass that read the record after the late write would close it again over it: still once.
    await writeLedgerBatch(ledger(), closureBatch(ledgerSnapshot(c.state), closure), NOW);

    const record = await readCaseRecord(ledger(), 'L-LATE');
    expect(record?.snapshot).toMatchObject({ status: 'cancelled', closedAt: CLOSED });
    const events = await readCaseEvents(ledger(), 'L-LATE');
    expect(events.map((event) => event.type)).toEqual([
      ...c.state.timeline.map((event) => event.type),
      'workflow-terminated',
    ]);
  });

  it("keeps the reconciler's watermark, moving it forward only", async () => {
    expect(await readWatermark(ledger(), 'test-watermark')).toBeUndefined();
    await advanceWatermark(ledger(), 'test-watermark', 2_000);
    await advanceWatermark(ledger(), 'test-watermark', 1_000); // another worker's older pass
    expect(await readWatermark(ledger(), 'test-watermark')).toBe(2_000);
    await advanceWatermark(ledger(), 'test-watermark', 3_000);
    expect(await readWatermark(ledger(), 'test-watermark')).toBe(3_000);
  });
});
