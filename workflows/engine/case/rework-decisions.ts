/**
 * A supervisor's decision on a rework past its `max` (`onExceeded: decide`): one more round, closing the case as
 * unresolved, or one more round taken by another department.
 */
import type { CaseState } from './case-state';
import type { CaseAction } from './case-actions';
import type { TaskStep } from '../flow-model';
import { startRework } from './completion';
import { allSteps, findStep, stepAndDescendants, stepTitle } from './flow-graph';
import { cancelStep } from './reruns';
import { closeCase } from './settle';
import type { Tx } from './tx';
import { notify, patchCase, patchStep, progressed, record, stepState } from './tx';

type Action = Extract<CaseAction, { type: 'decideRework' }>;

/** The tasks a rework from `step` may give to another department: its goto and the main steps after it. */
export function reassignableSteps(state: CaseState, step: TaskStep): string[] {
  const flow = state.input.flow;
  if (step.rework === undefined) return [];
  return stepAndDescendants(flow, step.rework.goto).filter((id) =>
    flow.steps.some((s) => s.id === id && s.kind === 'task'),
  );
}

/** Applies the decision; the step no longer waits. */
export function decideRework(tx: Tx, action: Action): void {
  const step = findStep(tx.state.input.flow, action.stepId);
  const pending = stepState(tx, action.stepId).reworkDecision;
  if (step?.kind !== 'task' || step.rework === undefined || pending === undefined) return;
  patchStep(tx, action.stepId, { reworkDecision: undefined });
  const note = action.note !== undefined ? `: ${action.note}` : '';
  const facts = { stepId: action.stepId, actor: action.actor };
  progressed(tx);
  if (action.decision === 'close-unresolved') {
    record(tx, 'rework-decided', `closed as unresolved after ${pending.reworks} reworks${note}`, facts);
    for (const each of allSteps(tx.state.input.flow)) cancelStep(tx, each.id);
    patchCase(tx, { unresolved: true });
    return closeCase(tx, `closed as unresolved by ${action.actor.sub}${note}`);
  }
  if (action.decision === 'another-round') {
    record(tx, 'rework-decided', `one more rework round allowed${note}`, facts);
    startRework(tx, step, ', allowed by a supervisor');
    return;
  }
  const department = action.department ?? '';
  const target = action.reassignStepId ?? step.rework.goto;
  record(tx, 'rework-decided', `one more rework round, ${target} reassigned to ${department}${note}`, {
    ...facts,
    department,
  });
  startRework(tx, step, `, ${target} reassigned to ${department}`);
  patchStep(tx, target, { assignee: { department } });
  const title = stepTitle(findStep(tx.state.input.flow, target) ?? step);
  notify(tx, 'notify', `${title} has been reassigned to you for rework${note}`, {
    stepId: target,
    department,
  });
}
