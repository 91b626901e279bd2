/** Claim limits (签收时限) and rework decisions as the ledger keeps them: stalled filters, the inbox, metrics. */
import { caseMetrics, departmentInbox, stalledCases, writeLedgerBatch, type Ledger } from '../../ledger';
import { ledgerBatch } from '../../workflows/engine/case/ledger-snapshot';
import { parseDuration } from '../../workflows/engine/time';
import { describeEachLedger } from '../helpers/ledger-engines';
import { at } from '../workflows/engine/case/fixtures/calendars';
import { CaseDriver, caseInput } from '../workflows/engine/case/fixtures/case-driver';
import { flow, form, sla, task } from '../workflows/engine/case/fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');
const MINUTE = 60_000;

const write = (ledger: Ledger, c: CaseDriver) => writeLedgerBatch(ledger, ledgerBatch(c.state, 0), c.now);

/** A case whose `handle` must be claimed within an hour (calendar clock), with a one-day whole-case limit. */
function claimCase(caseId: string): CaseDriver {
  const handle = task('handle', {
    sla: { ...sla('4h', 'calendar', 'claimed'), claimWithin: parseDuration('1h') },
  });
  return new CaseDriver(caseInput(flow([handle], { sla: sla('1d', 'calendar') }), { caseId }), T0);
}

describeEachLedger('claim limits and rework decisions in the ledger', (ledger) => {
  it('finds a case overdue for claiming in stalled, the inbox and the metrics, until it is claimed', async () => {
    const c = claimCase('L-CLAIM');
    await write(ledger(), c);
    const stalled = (claimOverdue: boolean, now: number) =>
      stalledCases(ledger(), { claimOverdue, limit: 10, now }).then((page) =>
        page.items.map((i) => i.caseId),
      );
    expect(await stalled(true, T0 + 30 * MINUTE)).toEqual([]);
    expect(await stalled(false, T0 + 30 * MINUTE)).toEqual(['L-CLAIM']);
    const late = T0 + 90 * MINUTE;
    expect(await stalled(true, late)).toEqual(['L-CLAIM']);
    const page = await stalledCases(ledger(), { limit: 10, now: late });
    expect(page.items[0]).toMatchObject({ claimOverdue: true, awaitingDecision: false, overdue: false });

    const inbox = await departmentInbox(ledger(), { department: 'handle-dept', limit: 10, now: late });
    expect(inbox.items[0]).toMatchObject({
      stepId: 'handle',
      claimDueAt: '2026-03-02T01:00:00+00:00',
      claimOverdue: true,
    });
    const metrics = await caseMetrics(ledger(), {
      period: 'day',
      from: '2026-03-03',
      to: '2026-03-03',
      by: 'none',
      excludeSuspended: false,
      now: late,
    });
    expect(metrics[0]).toMatchObject({ due: 1, claimOverdueNow: 1, overdueNow: 0 });

    c.act({ type: 'claim', stepId: 'handle' }, late);
    await write(ledger(), c);
    expect(await stalled(true, late + MINUTE)).toEqual([]);
    const claimed = await departmentInbox(ledger(), { department: 'handle-dept', limit: 10, now: late });
    expect(claimed.items[0]).toMatchObject({ status: 'claimed', claimOverdue: false });
  });

  it('finds a case waiting for a rework decision until the supervisor decides', async () => {
    const steps = [
      task('handle'),
      task('check', {
        after: ['handle'],
        form: form({ fixed: 'boolean!' }),
        rework: { when: '!result.fixed', goto: 'handle', max: 1, onExceeded: 'decide' },
      }),
    ];
    const c = new CaseDriver(caseInput(flow(steps), { caseId: 'L-DECIDE' }), T0);
    c.complete('handle')
      .complete('check', { fixed: false })
      .complete('handle')
      .complete('check', { fixed: false });
    await write(ledger(), c);
    const waiting = (awaitingDecision: boolean) =>
      stalledCases(ledger(), { awaitingDecision, limit: 10, now: T0 }).then((p) =>
        p.items.map((i) => i.caseId),
      );
    expect(await waiting(true)).toEqual(['L-DECIDE']);
    expect(await waiting(false)).not.toContain('L-DECIDE');
    c.act({ type: 'decideRework', stepId: 'check', decision: 'another-round' });
    await write(ledger(), c);
    expect(await waiting(true)).toEqual([]);
    expect(await waiting(false)).toContain('L-DECIDE');
  });
});
