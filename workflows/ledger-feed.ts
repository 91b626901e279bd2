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
 *
 * From engine revision 6 a case feeds the ledger through the worker's sink instead (workflows/ledger-sink-feed.ts);
 * this feed is kept unchanged for cases of earlier revisions.
 */
import { condition, log } from '@temporalio/workflow';
import type { WorkingCalendar } from './engine/calendar-model';
import type { CaseState } from './engine/case/case-state';
import { behaves } from './engine/case/engine-revision';
import { ledgerBatch } from './engine/case/ledger-snapshot';
import { recordByActivity, recordLocalFirst } from './ledger-writes';
import { patchedBefore3 } from './shell-patches';

/** Patch id: cases feed the ledger (a new activity, so running cases started before it do not). */
export const LEDGER_FEED = 'ledger-feed';

export interface LedgerFeed {
  /** Starts a write of what is new, unless one is in flight (then what is new goes in the next). */
  push(): void;
  /** Resolves once every event so far is written. */
  drained(): Promise<void>;
  /** Events known written so far (by an activity, for the sink feed): carried across continue-as-new. */
  sent(): number;
  /**
   * Starts no new write and waits (at most `timeout`) for the one in flight to land, so that continue-as-new does
   * not race it; the next run sends the rest. (The sink feed first writes through an activity what only its sink
   * carried, and waits for that.)
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
