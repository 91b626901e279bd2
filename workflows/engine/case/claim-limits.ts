/**
 * 签收时限: a task whose sla sets `claimWithin` must be claimed within that limit from activation (and from a
 * 改派), on the sla's clock. Past it unclaimed the step is overdue for claiming and its `claimEscalation` rungs
 * fire; claiming stops them. Only for cases on an engine revision with `claimLimits`.
 */
import type { Step } from '../flow-model';
import type { StepState } from './case-state';
import { deadlineFrom, keepsFacts, stepSla, timeRungs } from './deadlines';
import { behaves } from './engine-revision';
import type { Tx } from './tx';
import { patchStep } from './tx';

/** Sets the step's claim limit from now and schedules its claim rungs, when its sla has one. */
export function startClaimClock(tx: Tx, step: Step): void {
  if (step.kind !== 'task' || !behaves(tx.state, 'claimLimits')) return;
  const sla = stepSla(tx.state, step);
  if (sla?.claimWithin === undefined) return;
  const claimDeadline = deadlineFrom(
    tx.state.input.calendar,
    { within: sla.claimWithin, clock: sla.clock, starts: 'activated' },
    tx.now,
    keepsFacts(tx.state),
  );
  patchStep(tx, step.id, {
    claimDeadline,
    claimRungs: timeRungs(tx.state, step.claimEscalation ?? [], claimDeadline, tx.now),
    claimLapsed: undefined,
  });
}

/** Whether the step's round waits to be claimed under a claim limit (not claimed, not parked). */
export function waitsForClaim(current: StepState): boolean {
  return current.status === 'active' && current.claimDeadline !== undefined && !current.parked;
}

/** Whether the step is unclaimed past its claim limit at `now` (overdue for claiming). */
export function isClaimOverdue(current: StepState, now: number): boolean {
  return waitsForClaim(current) && now > (current.claimDeadline?.at ?? Infinity);
}
