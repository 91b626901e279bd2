/** Moving every running clock after a suspension (挂起): by working time on working clocks, wall time otherwise. */
import { findStep } from './flow-graph';
import { rungsFor, shiftBySuspension, shiftDeadline } from './deadlines';
import type { Tx } from './tx';
import { patchCase, patchStep } from './tx';

/** Moves step deadlines (and re-times their rungs), wait timers, the review window and the whole-case deadline. */
export function moveClocksAfterSuspension(tx: Tx, since: number): void {
  const { calendar, flow } = tx.state.input;
  const until = tx.now;
  for (const current of Object.values(tx.state.steps)) {
    if (current.status !== 'active' && current.status !== 'claimed') continue;
    const step = findStep(flow, current.id);
    if (current.deadline !== undefined && step !== undefined) {
      const deadline = shiftDeadline(calendar, current.deadline, since, until);
      patchStep(tx, current.id, {
        deadline,
        rungs: rungsFor(tx.state, step, deadline, until, current.rungs),
      });
    }
    if (current.waitUntil !== undefined && step?.kind === 'wait') {
      const clock = step.for !== undefined ? step.clock : 'calendar';
      patchStep(tx, current.id, {
        waitUntil: shiftBySuspension(calendar, current.waitUntil, clock, since, until),
      });
    }
  }
  const review = tx.state.review;
  if (review?.status === 'open') {
    patchCase(tx, { review: { ...review, window: shiftDeadline(calendar, review.window, since, until) } });
  }
  if (tx.state.caseDeadline !== undefined) {
    patchCase(tx, { caseDeadline: shiftDeadline(calendar, tx.state.caseDeadline, since, until) });
  }
}
