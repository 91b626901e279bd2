/** Whether an action may be applied now; throws the typed error the API maps to a status code. */
import type { CaseAction, CaseActionType } from './case-actions';
import type { CaseState } from './case-state';
import {
  ActionInvalidError,
  ActionNotAllowedError,
  CaseNotSuspendedError,
  ExtensionNotPendingError,
  FormMismatchError,
  IncidentNotOpenError,
  ParkNotPendingError,
  ReworkDecisionNotPendingError,
} from './case-errors';
import { reassignableSteps } from './rework-decisions';
import { behaves } from './engine-revision';
import { fieldCheckOf, fieldErrors } from './field-validation';
import { validateMigration } from '../migration/migrate-case';
import {
  requireActive,
  requireAllowed,
  requireOpenCase,
  requireOwnActiveTask,
  requireStep,
} from './action-guards';

const REWORK_DECISIONS: readonly string[] = ['another-round', 'close-unresolved', 'reassign'];

type ActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;
type Validators = { [T in CaseActionType]: (state: CaseState, action: ActionOf<T>, now: number) => void };

/** Throws when `action` cannot be applied to `state` at `now`; returns normally when `applyAction` would accept it. */
export function validateAction(state: CaseState, action: CaseAction, now: number): void {
  requireOpenCase(state, action.type);
  const validate = VALIDATORS[action.type] as (state: CaseState, action: CaseAction, now: number) => void;
  validate(state, action, now);
}

const VALIDATORS: Validators = {
  claim: (state, a) => void requireOwnActiveTask(state, a.stepId, a.actor, 'claim'),
  complete: (state, a) => {
    const { step } = requireOwnActiveTask(state, a.stepId, a.actor, 'complete');
    const errors = fieldErrors(step.form, a.result, 'result', fieldCheckOf(state));
    if (errors.length > 0) throw new FormMismatchError(errors);
  },
  return: (state, a) => {
    const { step } = requireOwnActiveTask(state, a.stepId, a.actor, 'return');
    requireAllowed(step, 'return', 'return');
  },
  requestExtension: (state, a, now) => {
    const { step, current } = requireOwnActiveTask(state, a.stepId, a.actor, 'extension');
    requireAllowed(step, 'extension', 'extension');
    if (current.request !== undefined) {
      throw new ActionNotAllowedError(
        'extension',
        `${pendingRequest(current.request.kind)} is already pending`,
      );
    }
    if (current.deadline === undefined)
      throw new ActionNotAllowedError('extension', 'the step has no deadline yet');
    if (!Number.isFinite(a.until) || a.until <= current.deadline.at || a.until <= now) {
      throw new ActionInvalidError(
        'extension',
        '`until` must be later than both now and the current deadline',
      );
    }
  },
  decideExtension: (state, a) => requirePending(state, a.stepId, 'extension'),
  requestPark: (state, a) => {
    const { step, current } = requireOwnActiveTask(state, a.stepId, a.actor, 'park');
    requireAllowed(step, 'park', 'park');
    if (current.request !== undefined) {
      throw new ActionNotAllowedError('park', `${pendingRequest(current.request.kind)} is already pending`);
    }
    if (current.parked) throw new ActionNotAllowedError('park', 'the step is already parked');
  },
  decidePark: (state, a) => requirePending(state, a.stepId, 'park'),
  decideRework: (state, a) => {
    const { step, current } = requireStep(state, a.stepId);
    if (current.reworkDecision === undefined || step.kind !== 'task') {
      throw new ReworkDecisionNotPendingError(a.stepId);
    }
    if (!REWORK_DECISIONS.includes(a.decision)) {
      throw new ActionInvalidError(
        'rework decision',
        `decision must be one of ${REWORK_DECISIONS.join(', ')}`,
      );
    }
    if (a.decision !== 'reassign') {
      if (a.department !== undefined || a.reassignStepId !== undefined) {
        throw new ActionInvalidError(
          'rework decision',
          'department and reassignStepId apply to reassign only',
        );
      }
      return;
    }
    if ((a.department ?? '').trim() === '') {
      throw new ActionInvalidError('rework decision', 'reassign needs a department');
    }
    const candidates = reassignableSteps(state, step);
    const target = a.reassignStepId ?? step.rework?.goto ?? '';
    if (!candidates.includes(target)) {
      throw new ActionInvalidError(
        'rework decision',
        `step '${target}' is not a task the rework runs again (one of ${candidates.join(', ')})`,
      );
    }
  },
  urge: (state, a) => requireActive(requireStep(state, a.stepId).current),
  reassign: (state, a) => {
    const { step, current } = requireStep(state, a.stepId);
    requireActive(current);
    if (step.kind !== 'task')
      throw new ActionNotAllowedError('reassign', `step '${step.id}' is a ${step.kind} step`);
    if (a.department.trim() === '') throw new ActionInvalidError('reassign', 'department is empty');
  },
  setEmergency: (state, a) => {
    if (![0, 1, 2, 3, 4].includes(a.level)) throw new ActionInvalidError('emergency', 'level must be 0 to 4');
    if (a.level === 0 && state.emergency.level === 0) {
      throw new ActionNotAllowedError('closing the emergency', 'no emergency is open');
    }
  },
  suspend: () => undefined,
  resume: (state) => {
    if (state.status !== 'suspended') throw new CaseNotSuspendedError();
  },
  cancel: () => undefined,
  feedback: (state, _a, now) => {
    const review = state.review;
    if (review?.status !== 'open' || now > review.window.at) {
      throw new ActionNotAllowedError('feedback', 'the review window is not open');
    }
  },
  retry: (state, a) => {
    const { step, current } = requireStep(state, a.stepId);
    requireActive(current);
    if (current.incident === undefined) throw new IncidentNotOpenError(a.stepId);
    // A task's incident is a missing department: trying again changes nothing, only 改派 resolves it.
    if (step.kind === 'task' && behaves(state, 'refuseRetryOfTaskIncident')) {
      throw new ActionNotAllowedError('retry', `step '${step.id}' is a task: reassign it to a department`);
    }
  },
  updateData: (state, a) => {
    const patch = a.data ?? {};
    const check = fieldCheckOf(state);
    const errors = fieldErrors(state.input.flow.data, patch, 'data', { ...check, partial: true });
    errors.push(...fieldErrors(state.input.flow.data, { ...state.data, ...patch }, 'data', check));
    const unique = errors.filter((e, i) => errors.findIndex((o) => o.path === e.path) === i);
    if (unique.length > 0) throw new FormMismatchError(unique);
  },
  migrate: validateMigration,
};

function requirePending(state: CaseState, stepId: string, kind: 'extension' | 'park'): void {
  const { current } = requireStep(state, stepId);
  requireActive(current);
  if (current.request?.kind === kind) return;
  throw kind === 'extension' ? new ExtensionNotPendingError(stepId) : new ParkNotPendingError(stepId);
}

/** `an extension request`, `a park request`. */
function pendingRequest(kind: 'extension' | 'park'): string {
  return kind === 'extension' ? 'an extension request' : 'a park request';
}
