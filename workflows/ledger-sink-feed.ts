/**
 * The ledger feed of a case from engine revision 6 (`ledgerFedBySink`, docs/ledger.md "Fed by a worker sink"):
 * each transition's batch (the events not yet sent and a snapshot) goes to the worker's `caseLedger` sink. A sink
 * call issues no command and records nothing in the history; the worker writes the batch (within a 2 s budget)
 * before it completes the workflow task, so an Update's answer goes out after its write, as with the local
 * activity of revision 3, without the activity's scheduling, marker and resolving activation. Sinks are not called
 * on replay: the batch was written when the task first ran.
 *
 * The workflow never learns that a sink write landed, only that one did not: the worker then signals
 * `ledgerResend` with the batch's first sequence number. Durable writes go through activities, and only they
 * count as acknowledged (`acked`: every event before it is known written):
 *
 * - **Resend**: on the signal (unless an activity write since covers it), everything from `acked` on goes to the
 *   regular activity, retried without limit; no other write (sink or activity) starts meanwhile; once it has
 *   landed, transitions go to the sink again.
 * - **Closing**: a closed or cancelled case writes everything from `acked` on through a local activity first and
 *   the regular activity if that fails (revision 3's path; one marker when the database is up), and completes only
 *   when it has landed: a closed case's ledger is complete even if a resend signal never reached it.
 * - **Continue-as-new**: the same write, awaited at most `settled`'s timeout; the next run starts from `acked`.
 *
 * Exactly once in effect as before: events are keyed by (case, seq), a snapshot replaces only an older one, so a
 * batch written twice (by the sink and again by an activity) changes nothing. The `ledgerResend` handler issues
 * no command by itself and is registered only for cases of this revision.
 */
import { condition, log, proxySinks, setHandler, type Sinks } from '@temporalio/workflow';
import type { WorkingCalendar } from './engine/calendar-model';
import { isFinished, type CaseState } from './engine/case/case-state';
import { ledgerBatch, type LedgerBatch } from './engine/case/ledger-snapshot';
import type { LedgerFeed } from './ledger-feed';
import { recordByActivity, recordLocalFirst } from './ledger-writes';
import { ledgerResendSignal } from './messages';

/** The worker's sink (worker/ledger-sink.ts): writes a batch before the workflow task completes. */
export interface LedgerSinks extends Sinks {
  caseLedger: {
    /** Writes the batch within its budget; when it cannot, signals `ledgerResend` with its first seq. */
    write(batch: LedgerBatch): void;
  };
}

const { caseLedger } = proxySinks<LedgerSinks>();

/** The feed of a case of engine revision 6 or later; `sent` is how many events earlier runs acknowledged. */
export function startSinkLedgerFeed(state: () => CaseState, sent: number): LedgerFeed {
  /** Events before it are written, acknowledged by an activity (this run's or an earlier run's). */
  let acked = sent;
  /** Events before it went to the sink or an activity. */
  let sunk = sent;
  /** The calendar this run last handed to the sink (a durable write always carries it). */
  let calendarSunk: WorkingCalendar | undefined;
  /** A durable write (activity) is in flight: nothing else starts. */
  let inFlight = false;
  /** The worker asked for a resend that no durable write has covered yet. */
  let resendAsked = false;
  /** About to continue as new: the next push writes durably. */
  let settling = false;
  /** Continue-as-new is due: no write starts any more. */
  let holding = false;

  const writeDurably = (current: CaseState, record: (batch: LedgerBatch) => Promise<void>): void => {
    inFlight = true;
    resendAsked = false;
    const upTo = current.timeline.length;
    record(ledgerBatch(current, acked, true)).then(
      () => {
        acked = upTo;
        sunk = Math.max(sunk, upTo);
        inFlight = false;
        push();
      },
      (error: unknown) => {
        // Only cancellation ends an unlimited retry; the next transition tries again.
        inFlight = false;
        resendAsked = true;
        log.warn('Ledger write abandoned', { caseId: current.input.caseId, error: String(error) });
      },
    );
  };
  const push = (): void => {
    if (inFlight || holding) return;
    const current = state();
    const length = current.timeline.length;
    if (resendAsked) return writeDurably(current, recordByActivity);
    if (isFinished(current) || settling) {
      if (acked < length) writeDurably(current, recordLocalFirst);
      return;
    }
    if (length <= sunk) return;
    const calendar = current.input.calendar;
    caseLedger.write(ledgerBatch(current, sunk, calendar !== calendarSunk));
    sunk = length;
    calendarSunk = calendar;
  };
  setHandler(ledgerResendSignal, (from) => {
    // A durable write in flight covers every batch sunk before it; one landed since covers those before `acked`.
    if (inFlight || from < acked) return;
    resendAsked = true;
    push();
  });
  return {
    push,
    drained: () => {
      push();
      return condition(() => !inFlight && acked >= state().timeline.length);
    },
    sent: () => acked,
    settled: async (timeout) => {
      settling = true;
      push();
      await condition(() => !inFlight && acked >= state().timeline.length, timeout);
      holding = true;
    },
  };
}
