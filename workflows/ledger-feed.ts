/**
 * Feeds the case ledger from the workflow, exactly once in effect: after transitions, the timeline events not yet
 * written (numbered by their timeline index) and a snapshot of the case go to the `recordCaseFacts` activity. At
 * most one write is in flight; what accumulates meanwhile goes in the next. A write retries with backoff without
 * limit (a database outage never stops the case); a closing case waits for its last write. The case's pinned
 * calendar goes with the first write of each run and again if the case pins another (the ledger keeps it: the
 * inbox counts remaining working time on it). docs/ledger.md.
 */
import { condition, log, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { WorkingCalendar } from './engine/calendar-model';
import type { CaseState } from './engine/case/case-state';
import { ledgerBatch } from './engine/case/ledger-snapshot';

/** Patch id: cases feed the ledger (a new activity, so running cases started before it do not). */
export const LEDGER_FEED = 'ledger-feed';

/** Unlimited attempts; at most 10 s apart, so the ledger catches up soon after the database is back. */
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' } as const;

const local = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry,
});
const remote = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * How writes run: regular activities (the default: an Update's answer never waits for the database, and an outage
 * costs the case nothing) or local ones (fewer history events, but each holds its workflow task, and the Update
 * that caused it, until the write succeeds or backs off). docs/ledger.md has the measurements.
 */
export type LedgerFeedMode = 'local' | 'activity';

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
export function startLedgerFeed(
  state: () => CaseState,
  sent: number,
  mode: LedgerFeedMode = 'activity',
): LedgerFeed | undefined {
  if (!patched(LEDGER_FEED)) return undefined;
  const { recordCaseFacts } = mode === 'local' ? local : remote;
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
    recordCaseFacts(ledgerBatch(current, written, calendar !== calendarSent)).then(
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
