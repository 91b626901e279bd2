/**
 * The ledger feed's writes through activities (docs/ledger.md): the regular `recordCaseFacts` activity, retried
 * with backoff without limit (a database outage never stops the case), and, from engine revision 3, a local
 * attempt first with a short budget that falls back to it. Both feeds (workflows/ledger-feed.ts,
 * workflows/ledger-sink-feed.ts) write through these.
 */
import { isCancellation, log, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { LedgerBatch } from './engine/case/ledger-snapshot';

/** Unlimited attempts; at most 10 s apart, so the ledger catches up soon after the database is back. */
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' } as const;

/** The regular activity: retried without limit. */
export const { recordCaseFacts: recordByActivity } = proxyActivities<CaseActivities>({
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
export async function recordLocalFirst(batch: LedgerBatch): Promise<void> {
  try {
    await recordLocally(batch);
  } catch (error) {
    if (isCancellation(error)) throw error;
    log.info('Ledger write goes to a regular activity', { caseId: batch.caseId, error: String(error) });
    await recordByActivity(batch);
  }
}
