/** The checks actions share; each throws the typed error the API maps to a status code. */
import type { Actor } from '../case-input';
import type { Step, TaskException, TaskStep } from '../flow-model';
import type { CaseState, StepState } from './case-state';
import {
  ActionNotAllowedError,
  CaseClosedError,
  CaseSuspendedError,
  StepNotActiveError,
  StepNotAssignedError,
  StepNotFoundError,
} from './case-errors';
import { findStep } from './flow-graph';

/** Actions a suspended case still accepts (a migrated case stays suspended: nothing starts until it resumes). */
const WHILE_SUSPENDED = new Set(['resume', 'cancel', 'migrate']);

/** The case must be open (or suspended, for resume, cancel and migrate). */
export function requireOpenCase(state: CaseState, action: string): void {
  if (state.status === 'closed' || state.status === 'cancelled') throw new CaseClosedError(state.status);
  if (state.status === 'suspended' && !WHILE_SUSPENDED.has(action)) throw new CaseSuspendedError(action);
}

/** The flow's step and its state. */
export function requireStep(state: CaseState, stepId: string): { step: Step; current: StepState } {
  const step = findStep(state.input.flow, stepId);
  const current = state.steps[stepId];
  if (step === undefined || current === undefined) throw new StepNotFoundError(stepId);
  return { step, current };
}

/** The step must be in an active round (active or claimed). */
export function requireActive(current: StepState): void {
  if (current.status !== 'active' && current.status !== 'claimed') {
    throw new StepNotActiveError(current.id, current.status);
  }
}

/** The step must be a task (the only kind people complete). */
export function requireTask(step: Step, action: string): TaskStep {
  if (step.kind !== 'task')
    throw new ActionNotAllowedError(action, `step '${step.id}' is a ${step.kind} step`);
  return step;
}

/** A department acts only on its own steps; other roles are authorized by the API. */
export function requireAssigned(current: StepState, actor: Actor): void {
  if (actor.role !== 'department') return;
  if (actor.dept === undefined || actor.dept !== current.assignee?.department) {
    throw new StepNotAssignedError(current.id, current.assignee?.department);
  }
}

/** The task's `allow` must list the exception. */
export function requireAllowed(step: TaskStep, exception: TaskException, action: string): void {
  if (!step.allow.includes(exception)) {
    throw new ActionNotAllowedError(action, `step '${step.id}' does not allow ${exception}`);
  }
}

/** A department task in an active round, assigned to the actor: the common guard of department actions. */
export function requireOwnActiveTask(
  state: CaseState,
  stepId: string,
  actor: Actor,
  action: string,
): { step: TaskStep; current: StepState } {
  const { step, current } = requireStep(state, stepId);
  const task = requireTask(step, action);
  requireActive(current);
  requireAssigned(current, actor);
  return { step: task, current };
}
