/**
 * The scheduler: after every event, activate or skip each waiting step whose `after` steps are finished (a join),
 * then open the review window or close the case once the main steps are done.
 */
import type { Step } from '../flow-model';
import { formatInstant } from '../time';
import { activateStep } from './activation';
import { bindingsOf, tryCondition } from './bindings';
import type { StepState, StepStatus } from './case-state';
import { deadlineFrom } from './deadlines';
import { allSteps } from './flow-graph';
import { cancelStep } from './reruns';
import type { Tx } from './tx';
import { patchCase, patchStep, record, stepState } from './tx';

const FINISHED: readonly StepStatus[] = ['completed', 'skipped', 'cancelled'];
const WAITING: readonly StepStatus[] = ['pending', 'returned'];
const MAX_DECISIONS = 10_000;

/** Finished for the flow: done, skipped or cancelled, and not waiting for a supervisor's rework decision. */
function isFinished(current: StepState): boolean {
  return FINISHED.includes(current.status) && current.reworkDecision === undefined;
}

/** Runs the flow forward as far as it goes at `tx.now`; nothing moves while the case is not open. */
export function settle(tx: Tx): void {
  for (let decisions = 0; decisions < MAX_DECISIONS && tx.state.status === 'open'; decisions += 1) {
    const ready = schedulable(tx).find((step) => isReady(tx, step));
    if (ready === undefined) break;
    decide(tx, ready);
  }
  finishIfDone(tx);
}

/** Closes the case, closing an open emergency with it (emergency steps never reached are cancelled). */
export function closeCase(tx: Tx, why: string): void {
  if (tx.state.emergency.level > 0) {
    for (const step of tx.state.input.flow.emergency?.steps ?? []) cancelStep(tx, step.id);
    patchCase(tx, { emergency: { level: 0 } });
    record(tx, 'emergency-closed', 'closed with the case');
  }
  patchCase(tx, { status: 'closed', closedAt: tx.now });
  record(tx, 'case-closed', why);
}

function schedulable(tx: Tx): readonly Step[] {
  const { flow } = tx.state.input;
  return tx.state.emergency.level > 0 ? allSteps(flow) : flow.steps;
}

function isReady(tx: Tx, step: Step): boolean {
  if (!WAITING.includes(stepState(tx, step.id).status)) return false;
  return step.after.every((id) => isFinished(stepState(tx, id)));
}

function decide(tx: Tx, step: Step): void {
  const inputs = step.after.map((id) => stepState(tx, id).status);
  if (inputs.length > 0 && inputs.every((status) => status !== 'completed')) {
    return skip(tx, step, 'every step it waits for was skipped');
  }
  if (step.when !== undefined) {
    const decision = tryCondition(step.when, bindingsOf(tx.state));
    if (!decision.ok) return skip(tx, step, `condition failed, treated as false: ${decision.error}`);
    if (!decision.value) return skip(tx, step, `when is false: ${step.when}`);
  }
  activateStep(tx, step);
}

function skip(tx: Tx, step: Step, why: string): void {
  patchStep(tx, step.id, { status: 'skipped' });
  record(tx, 'step-skipped', why, { stepId: step.id });
}

function finishIfDone(tx: Tx): void {
  const { state } = tx;
  if (state.status !== 'open' || state.review?.status === 'open' || state.review?.status === 'done') return;
  const finished = (step: Step): boolean => isFinished(stepState(tx, step.id));
  if (!state.input.flow.steps.every(finished)) return;
  if (state.emergency.level > 0 && !(state.input.flow.emergency?.steps ?? []).every(finished)) return;
  patchCase(tx, { resolvedAt: tx.now });
  const review = state.input.flow.review;
  if (review === undefined) return closeCase(tx, 'all steps finished');
  const window = deadlineFrom(state.input.calendar, { ...review.feedback, starts: 'activated' }, tx.now);
  patchCase(tx, {
    review: {
      status: 'open',
      openedAt: tx.now,
      window,
      feedback: tx.state.review?.feedback ?? [],
      redos: tx.state.review?.redos ?? 0,
    },
  });
  record(
    tx,
    'review-opened',
    `feedback window until ${formatInstant(window.at, state.input.calendar.timezone)}`,
  );
}
