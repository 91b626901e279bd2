/**
 * A case workflow closed outside the engine, as ledger facts (pure): the close event read as a closure, and the
 * batch that records it, which leaves the case's row as the engine's own cancellation would.
 */
import { msToTs } from '@temporalio/common/lib/time';
import type { temporal } from '@temporalio/proto';
import { CLOSURE_SEQ, closureBatch, isRunningRecord } from '../../../ledger';
import { closureOfCloseEvent } from '../../../closures/close-event';
import {
  closedOutsideQuery,
  closureWindows,
  VISIBILITY_MARGIN_MS,
  WINDOW_MS,
} from '../../../worker/closures/closure-reconciler';
import { caseRow } from '../../../ledger/case-projection';
import { ledgerSnapshot } from '../../../workflows/engine/case/ledger-snapshot';
import { at } from '../../workflows/engine/case/fixtures/calendars';
import type { CaseDriver } from '../../workflows/engine/case/fixtures/case-driver';
import { runningGarbageCase, START } from './running-garbage-case';

const CLOSED = at('2026-03-03T10:00:00+08:00');

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const closeEvent = (attributes: Partial<HistoryEvent>): HistoryEvent => ({
  eventTime: msToTs(CLOSED),
  ...attributes,
});

/** A garbage case with `handle` active for its department. */
const runningCase = (): CaseDriver =>
  runningGarbageCase('C-CLOSURE')
    .complete('file', {}, START + 20 * 60_000)
    .serve('dispatch', { ok: true, result: {} }, START + 21 * 60_000);

describe('closureOfCloseEvent', () => {
  it('reads who terminated the workflow and why', () => {
    const event = closeEvent({
      workflowExecutionTerminatedEventAttributes: { reason: 'duplicate', identity: 'temporal-cli:ops@host' },
    });
    expect(closureOfCloseEvent(event)).toEqual({
      kind: 'terminated',
      at: CLOSED,
      reason: 'duplicate',
      identity: 'temporal-cli:ops@host',
    });
  });

  it('leaves out a blank reason or identity', () => {
    const event = closeEvent({ workflowExecutionTerminatedEventAttributes: { reason: ' ', identity: '' } });
    expect(closureOfCloseEvent(event)).toEqual({ kind: 'terminated', at: CLOSED });
  });

  it('reads a timeout, and a failure with its message', () => {
    expect(closureOfCloseEvent(closeEvent({ workflowExecutionTimedOutEventAttributes: {} }))).toEqual({
      kind: 'timed-out',
      at: CLOSED,
    });
    const failed = closeEvent({ workflowExecutionFailedEventAttributes: { failure: { message: 'boom' } } });
    expect(closureOfCloseEvent(failed)).toEqual({ kind: 'failed', at: CLOSED, reason: 'boom' });
    const cancelled = closeEvent({ workflowExecutionCanceledEventAttributes: {} });
    expect(closureOfCloseEvent(cancelled)).toEqual({ kind: 'cancelled', at: CLOSED });
  });

  it('is none when the engine closed the case, the run continued, or Temporal retries it in a new run', () => {
    expect(
      closureOfCloseEvent(closeEvent({ workflowExecutionCompletedEventAttributes: {} })),
    ).toBeUndefined();
    expect(
      closureOfCloseEvent(closeEvent({ workflowExecutionContinuedAsNewEventAttributes: {} })),
    ).toBeUndefined();
    expect(
      closureOfCloseEvent(
        closeEvent({ workflowExecutionFailedEventAttributes: { newExecutionRunId: 'r2' } }),
      ),
    ).toBeUndefined();
    expect(
      closureOfCloseEvent(
        closeEvent({ workflowExecutionTimedOutEventAttributes: { newExecutionRunId: 'r2' } }),
      ),
    ).toBeUndefined();
    expect(closureOfCloseEvent(undefined)).toBeUndefined();
  });
});

describe('closureBatch', () => {
  const closure = { kind: 'terminated', at: CLOSED, reason: 'duplicate', identity: 'ops@host' } as const;

  it('appends one entry of its own type after every event of the case, naming who and why', () => {
    const c = runningCase();
    const batch = closureBatch(ledgerSnapshot(c.state), closure);
    expect(CLOSURE_SEQ).toBeGreaterThan(c.state.timeline.length);
    expect(batch.events).toEqual([
      {
        seq: CLOSURE_SEQ,
        at: CLOSED,
        type: 'workflow-terminated',
        actor: { sub: 'ops@host', role: 'system' },
        detail: expect.stringContaining('by ops@host: duplicate'),
      },
    ]);
    expect(batch.snapshot.seq).toBe(CLOSURE_SEQ);
    const timedOut = closureBatch(ledgerSnapshot(c.state), { kind: 'timed-out', at: CLOSED });
    expect(timedOut.events[0]).toMatchObject({ type: 'workflow-timed-out', actor: { sub: 'temporal' } });
  });

  it("leaves the case's row as the engine's cancellation would, but for when and the entry", () => {
    const running = runningCase();
    const closed = closureBatch(ledgerSnapshot(running.state), closure).snapshot;
    const cancelled = ledgerSnapshot(running.act({ type: 'cancel', reason: 'duplicate' }, CLOSED).state);
    expect(isRunningRecord(closed)).toBe(false);
    expect(closed).toMatchObject({
      status: 'cancelled',
      stage: 'closed',
      closedAt: CLOSED,
      emergencyLevel: 0,
    });
    expect(closed.steps.map((step) => [step.id, step.status])).toEqual(
      cancelled.steps.map((step) => [step.id, step.status]),
    );
    const counts = { reworks: 0, extensions: 0 };
    const { snapshot: _a, snapshot_seq: _b, last_progress_at: _c, ...row } = caseRow(closed, counts, CLOSED);
    const {
      snapshot: _d,
      snapshot_seq: _e,
      last_progress_at: _f,
      ...engineRow
    } = caseRow(cancelled, counts, CLOSED);
    expect(row).toEqual({ ...engineRow, calendar: row.calendar });
  });

  it('ends a suspension', () => {
    const suspended = runningCase().act({ type: 'suspend', reason: '待查' }, START + 3_600_000);
    const closed = closureBatch(ledgerSnapshot(suspended.state), closure).snapshot;
    expect(closed.status).toBe('cancelled');
    expect(closed.suspendedAt).toBeUndefined();
  });
});

describe('what a pass lists', () => {
  it('asks visibility for closures outside the engine in a CloseTime window, built-in attributes only', () => {
    expect(closedOutsideQuery(Date.parse('2026-12-01T10:00:00Z'), Date.parse('2026-12-01T11:00:00Z'))).toBe(
      "WorkflowType = 'caseWorkflow' AND ExecutionStatus IN ('Terminated', 'TimedOut', 'Failed', 'Canceled')" +
        " AND CloseTime >= '2026-12-01T10:00:00.000Z' AND CloseTime < '2026-12-01T11:00:00.000Z'",
    );
    expect(closedOutsideQuery(undefined, 0)).not.toContain('CloseTime >=');
  });

  it('lists everything once without a watermark, then from the watermark less the margin, an hour at a time', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(closureWindows(undefined, now)).toEqual([{ from: undefined, to: now }]);
    expect(closureWindows(now - 15_000, now)).toEqual([
      { from: now - 15_000 - VISIBILITY_MARGIN_MS, to: now },
    ]);
    const afterOutage = closureWindows(now - 3 * WINDOW_MS, now);
    expect(afterOutage).toHaveLength(4);
    expect(afterOutage[0]!.from).toBe(now - 3 * WINDOW_MS - VISIBILITY_MARGIN_MS);
    expect(afterOutage.at(-1)!.to).toBe(now);
    afterOutage.slice(1).forEach((window, i) => expect(window.from).toBe(afterOutage[i]!.to));
  });
});
