/**
 * A closure outside the engine written into the ledger, on SQLite and on PostgreSQL: written by two workers (or one
 * twice) it is there once, the case drops out of its department's inbox and the stalled list, and the
 * reconciler's watermark only moves forward.
 */
import {
  advanceWatermark,
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
    expect(events.at(-1)).toMatchObject({ seq: c.state.timeline.length, actor: { sub: 'ops@host' } });
    expect((await readCaseRecord(ledger(), 'L-TERMINATED'))?.snapshot).toMatchObject({
      status: 'cancelled',
      closedAt: CLOSED,
    });
    expect(await inbox()).not.toContain('L-TERMINATED');
    expect(await stalled()).not.toContain('L-TERMINATED');
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
