/** The whole-case time limit: measured to when the main steps finished (结案), not to the end of the review. */
import type { CaseState } from './case-state';
import { behaves } from './engine-revision';

/**
 * The instant the case's SLA clocks have reached at `now`: while suspended they stand still at the suspension
 * (resuming moves every deadline by the time it lasted), so nothing turns overdue during it. Before engine
 * revision 1 (`noOverdueWhileSuspended`), overdue was measured at `now` even while suspended.
 */
export function clockNow(state: CaseState, now: number): number {
  if (!behaves(state, 'noOverdueWhileSuspended')) return now;
  return state.status === 'suspended' && state.suspendedAt !== undefined
    ? Math.min(now, state.suspendedAt)
    : now;
}

/** Whether the open case is past its whole-case deadline; during review, whether it was resolved late. */
export function isCaseOverdue(state: CaseState, now: number): boolean {
  const deadline = state.caseDeadline?.at;
  if (deadline === undefined || (state.status !== 'open' && state.status !== 'suspended')) return false;
  const clock = clockNow(state, now);
  const measured = state.review?.status === 'open' ? (state.resolvedAt ?? clock) : clock;
  return measured > deadline;
}

/** For a closed case with a whole-case SLA: whether it was resolved by the deadline. */
export function caseResolvedOnTime(state: CaseState): boolean | undefined {
  const deadline = state.caseDeadline?.at;
  const resolved = state.resolvedAt ?? state.closedAt;
  if (state.status !== 'closed' || deadline === undefined || resolved === undefined) return undefined;
  return resolved <= deadline;
}
