/** Finishing a step's round: the result, on-time record, and the step's `rework` rule (返工). */
import type { Actor } from '../case-input';
import { assigneeKey } from '../case-input';
import type { TaskStep } from '../flow-model';
import { bindingsOf, tryCondition } from './bindings';
import { behaves } from './engine-revision';
import { findStep, stepAndDescendants, stepsBetween, stepTitle } from './flow-graph';
import { resetSteps, roundRecord } from './reruns';
import type { Tx } from './tx';
import { notify, patchStep, progressed, record, stepState } from './tx';

/** Completes the step's current round with `result`, then applies its rework rule. */
export function completeStep(tx: Tx, stepId: string, result: unknown, actor?: Actor): void {
  const before = stepState(tx, stepId);
  patchStep(tx, stepId, {
    status: 'completed',
    completedAt: tx.now,
    ...(result !== undefined ? { result } : {}),
    request: undefined,
    history: [...before.history, roundRecord(before, 'completed', tx.now)],
  });
  record(tx, 'step-completed', `round ${before.round} completed`, {
    stepId,
    ...(actor ? { actor } : {}),
    round: before.round,
    department: before.assignee?.department,
  });
  progressed(tx);
  const step = findStep(tx.state.input.flow, stepId);
  if (step?.kind === 'task' && step.rework !== undefined) applyRework(tx, step, result);
}

function applyRework(tx: Tx, step: TaskStep, result: unknown): void {
  const rework = step.rework;
  if (rework === undefined) return;
  const decision = tryCondition(rework.when, bindingsOf(tx.state, result ?? {}));
  if (!decision.ok) {
    record(tx, 'condition-failed', `rework condition failed, treated as false: ${decision.error}`, {
      stepId: step.id,
    });
    return;
  }
  if (!decision.value) return;
  const done = stepState(tx, step.id).reworks;
  if (done >= rework.max) {
    const decide = rework.onExceeded === 'decide' && behaves(tx.state, 'reworkDecision');
    if (decide) patchStep(tx, step.id, { reworkDecision: { requestedAt: tx.now, reworks: done } });
    escalateReworkLimit(tx, step, done, decide);
    return;
  }
  startRework(tx, step);
}

/** 返工: one more rework round from the step's `rework.goto`; returns the steps that run again. */
export function startRework(tx: Tx, step: TaskStep, why = ''): string[] {
  const rework = step.rework;
  if (rework === undefined) return [];
  const done = stepState(tx, step.id).reworks;
  patchStep(tx, step.id, { reworks: done + 1 });
  const rerun = reworkedSteps(tx, rework.goto, step.id);
  resetSteps(tx, rerun, 'reworked');
  record(tx, 'rework-started', `返工 ${done + 1}/${rework.max}${why}: ${rerun.join(', ')} run again`, {
    stepId: step.id,
  });
  return rerun;
}

/** The steps a 返工 from `stepId` back to `goto` runs again, by the case's engine revision. */
function reworkedSteps(tx: Tx, goto: string, stepId: string): string[] {
  const flow = tx.state.input.flow;
  if (!behaves(tx.state, 'reworkRerunsDownstream')) return stepsBetween(flow, goto, stepId);
  return stepAndDescendants(flow, goto).filter(
    (id) => flow.steps.some((s) => s.id === id) && stepState(tx, id).status !== 'pending',
  );
}

/**
 * More reworks than `max`: no new loop; the supervisor named by an escalate rung (of goto, else this step) is
 * told, and with `onExceeded: decide` the flow waits for the supervisor's decision.
 */
function escalateReworkLimit(tx: Tx, step: TaskStep, done: number, decide: boolean): void {
  const flow = tx.state.input.flow;
  const target = findStep(flow, step.rework?.goto ?? '');
  const rungs = [...(target?.kind === 'task' ? target.escalation : []), ...step.escalation];
  const to = rungs.find((rung) => rung.do === 'escalate' && rung.to !== undefined)?.to;
  const department = to !== undefined ? tx.state.input.assignees[assigneeKey(to)]?.department : undefined;
  const needed = decide
    ? "waiting for a supervisor's decision (another round, close as unresolved, or reassign)"
    : 'supervision needed';
  const message = `${stepTitle(step)}: still not fixed after ${done} reworks (max ${step.rework?.max}); ${needed}`;
  record(tx, 'rework-limit-reached', message, { stepId: step.id });
  notify(tx, 'escalate', message, { stepId: step.id, ...(department ? { department } : {}) });
}
