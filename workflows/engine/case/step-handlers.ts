/** Applying the actions on one step: 签收, completion, 退单, 催办, 改派, retry of an incident. */
import type { Step } from '../flow-model';
import { callService, startClock, startWait } from './activation';
import type { CaseAction } from './case-actions';
import { startClaimClock } from './claim-limits';
import { completeStep } from './completion';
import { findStep, stepTitle } from './flow-graph';
import { resetSteps, roundRecord } from './reruns';
import type { Tx } from './tx';
import { notify, patchStep, progressed, record, stepFacts, stepState } from './tx';
import { stepSla } from './deadlines';

type Action<T extends CaseAction['type']> = Extract<CaseAction, { type: T }>;

function flowStep(tx: Tx, stepId: string): Step {
  const step = findStep(tx.state.input.flow, stepId);
  if (step === undefined) throw new Error(`engine invariant: no step '${stepId}' in the flow`);
  return step;
}

/** 签收: the assignee acknowledges; starts a `starts: claimed` clock. Claiming again changes nothing. */
export function claim(tx: Tx, action: Action<'claim'>): void {
  const current = stepState(tx, action.stepId);
  if (current.status === 'claimed') return;
  patchStep(tx, action.stepId, { status: 'claimed', claimedAt: tx.now });
  const step = flowStep(tx, action.stepId);
  if (stepSla(tx.state, step)?.starts === 'claimed' && current.deadline === undefined) startClock(tx, step);
  record(tx, 'step-claimed', `claimed by ${action.actor.dept ?? action.actor.sub}`, {
    stepId: action.stepId,
    actor: action.actor,
    ...stepFacts(tx, action.stepId),
  });
  progressed(tx);
}

/** Completes the task with its result (the scheduler then moves on). */
export function complete(tx: Tx, action: Action<'complete'>): void {
  completeStep(tx, action.stepId, action.result ?? {}, action.actor);
}

/** 退单: the steps in `after` run again, then this one, each in a new round (at once when it has no `after`). */
export function returnStep(tx: Tx, action: Action<'return'>): void {
  const step = flowStep(tx, action.stepId);
  const current = stepState(tx, action.stepId);
  patchStep(tx, action.stepId, {
    status: 'returned',
    request: undefined,
    history: [...current.history, roundRecord(current, 'returned', tx.now)],
  });
  const rerun = step.after.filter((id) => stepState(tx, id).status === 'completed');
  resetSteps(tx, rerun, 'returned');
  const note = action.note !== undefined ? ` (${action.note})` : '';
  const then = rerun.length > 0 ? `; ${rerun.join(', ')} run again first` : '; re-dispatched';
  record(tx, 'step-returned', `退单: ${action.reason}${note}${then}`, {
    stepId: action.stepId,
    actor: action.actor,
    round: current.round,
    department: current.assignee?.department,
  });
  progressed(tx);
}

/** 催办 by a supervisor: a notification to the step's department. */
export function urge(tx: Tx, action: Action<'urge'>): void {
  const current = stepState(tx, action.stepId);
  const title = stepTitle(flowStep(tx, action.stepId));
  const note = action.note !== undefined ? `: ${action.note}` : '';
  record(tx, 'urged', `催办${note}`, { stepId: action.stepId, actor: action.actor });
  const department = current.assignee?.department;
  notify(tx, 'urge', `催办: ${title}${note}`, {
    stepId: action.stepId,
    ...(department ? { department } : {}),
  });
}

/**
 * 改派: the step moves to another department in the same round and must be claimed again. Its deadline keeps
 * running (the citizen's time limit does not restart); a `starts: claimed` clock not yet started starts at the
 * new department's claim, and a claim limit starts again for the new department.
 */
export function reassign(tx: Tx, action: Action<'reassign'>): void {
  const before = stepState(tx, action.stepId);
  patchStep(tx, action.stepId, {
    status: 'active',
    claimedAt: undefined,
    assignee: { department: action.department },
    incident: undefined,
  });
  // The new department gets a claim limit of its own, from now.
  startClaimClock(tx, flowStep(tx, action.stepId));
  const from = before.assignee?.department ?? 'no department';
  record(tx, 'step-reassigned', `改派 ${from} → ${action.department}: ${action.reason}`, {
    stepId: action.stepId,
    actor: action.actor,
    ...stepFacts(tx, action.stepId),
  });
  const title = stepTitle(flowStep(tx, action.stepId));
  notify(tx, 'notify', `${title} has been reassigned to you: ${action.reason}`, {
    stepId: action.stepId,
    department: action.department,
  });
  progressed(tx);
}

/** Retries an incident in the same round: a service step calls again with the same idempotency key. */
export function retry(tx: Tx, action: Action<'retry'>): void {
  const step = flowStep(tx, action.stepId);
  patchStep(tx, action.stepId, { incident: undefined });
  record(tx, 'step-retried', `round ${stepState(tx, action.stepId).round} tried again`, {
    stepId: action.stepId,
    actor: action.actor,
  });
  if (step.kind === 'service') callService(tx, step);
  if (step.kind === 'wait') startWait(tx, step);
}
