/**
 * Feeds the case ledger from the workflow, exactly once in effect: after transitions, the timeline events not yet
 * written (numbered by their timeline index) and a snapshot of the case go to the `recordCaseFacts` activity. At
 * most one write is in flight; what accumulates meanwhile goes in the next. A write is retried with backoff without
 * limit (a database outage never stops the case); a closing case waits for its last write. The case's pinned
 * calendar goes with the first write of each run and again if the case pins another (the ledger keeps it: the
 * inbox counts remaining working time on it). docs/ledger.md.
 *
 * From engine revision 3 a write is first tried once as a local activity with a short budget: with the database up
 * it lands inside the workflow task of the transition that caused it (one marker in the history, no activity task,
 * no workflow task to take its completion). When that attempt fails or runs out of time, the same batch goes to the
 * regular activity, retried without limit as before; while that one is in flight no other write starts, so an
 * outage holds at most the Update whose write found the database down, and that one for at most the budget.
 */
import { condition, isCancellation, log, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { WorkingCalendar } from './engine/calendar-model';
import type { CaseState } from './engine/case/case-state';
import { behaves } from './engine/case/engine-revision';
import { ledgerBatch, type LedgerBatch } from './engine/case/ledger-snapshot';
import { patchedBefore3 } from './shell-patches';

/** Patch id: cases feed the ledger (a new activity, so running cases started before it do not). */
export const LEDGER_FEED = 'ledger-feed';

/** Unlimited attempts; at most 10 s apart, so the ledger catches up soon after the database is back. */
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' } as const;

const { recordCaseFacts: recordByActivity } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry,
});

/**
 * The local attempt: once, within 2 s from being scheduled (a write takes milliseconds with the database up; the
 * budget is what an Update's answer may wait when it is down). No local retry: the fallback is the retry.
 */
const { recordCaseFacts: recordLocally } = proxyLocalActivities<CaseActivities>({
  scheduleToCloseTimeout: '2 seconds',
  retry: { maximumAttempts: 1 },
});

/** A local attempt first, the regular activity when it fails (the same batch: writes are idempotent). */
async function recordLocalFirst(batch: LedgerBatch): Promise<void> {
  try {
    await recordLocally(batch);
  } catch (error) {
    if (isCancellation(error)) throw error;
    log.info('Ledger write goes to a regular activity', { caseId: batch.caseId, error: String(error) });
    await recordByActivity(batch);
  }
}

export interface LedgerFeed {
  /** Starts a write of what is new, unless one is in flight (then what is new goes in the next). */
  push(): void;
  /** Resolves once every event so far is written. */
  drained(): Promise<void>;
  /** Events written so far: carried across continue-as-new. */
  sent(): number;
  /**
   * Starts no new write and waits (at most `timeout`) for the one in flight to land, so that continue-as-new does
   * not race it; the next run sends the rest.
   */
  settled(timeout: string): Promise<void>;
}

/**
 * The case's feed, or undefined for a case that started before the feed existed. `state` reads the current
 * state; `sent` is how many events earlier runs already wrote.
 */
export function startLedgerFeed(state: () => CaseState, sent: number): LedgerFeed | undefined {
  const first = state();
  if (!patchedBefore3(first, LEDGER_FEED)) return undefined;
  const record = behaves(first, 'localFirstLedgerWrites') ? recordLocalFirst : recordByActivity;
  let written = sent;
  /** The calendar the ledger was last sent by this run. */
  let calendarSent: WorkingCalendar | undefined;
  let inFlight = false;
  let holding = false;
  const push = (): void => {
    const current = state();
    if (inFlight || holding || current.timeline.length <= written) return;
    inFlight = true;
    const upTo = current.timeline.length;
    const calendar = current.input.calendar;
    record(ledgerBatch(current, written, calendar !== calendarSent)).then(
      () => {
        written = upTo;
        calendarSent = calendar;
        inFlight = false;
        push();
      },
      (error: unknown) => {
        // Only cancellation ends an unlimited retry; the next transition tries again.
        inFlight = false;
        log.warn('Ledger write abandoned', { caseId: current.input.caseId, error: String(error) });
      },
    );
  };
  return {
    push,
    drained: () => {
      push();
      return condition(() => !inFlight && written >= state().timeline.length);
    },
    sent: () => written,
    settled: async (timeout) => {
      holding = true;
      await condition(() => !inFlight, timeout);
    },
  };
}
