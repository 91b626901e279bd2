/**
 * Errors of case actions. Each sets `name` to its class name: the Temporal shell turns it into an
 * `ApplicationFailure` of that type, which the API maps to an HTTP status (noted on each class).
 */

/** One problem with submitted data: `path` like `result.confirmed`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Thrown when the step is not active: finished, skipped, cancelled or not yet reached (409). */
export class StepNotActiveError extends Error {
  override readonly name = 'StepNotActiveError';
  constructor(
    readonly stepId: string,
    readonly status: string,
  ) {
    super(`Step '${stepId}' is not active (it is ${status})`);
  }
}

/** Thrown when the case has no step with that id (404). */
export class StepNotFoundError extends Error {
  override readonly name = 'StepNotFoundError';
  constructor(readonly stepId: string) {
    super(`The case has no step '${stepId}'`);
  }
}

/** Thrown when a department acts on a step assigned to another department (403). */
export class StepNotAssignedError extends Error {
  override readonly name = 'StepNotAssignedError';
  constructor(
    readonly stepId: string,
    readonly department: string | undefined,
  ) {
    super(`Step '${stepId}' is assigned to ${department ?? 'no department'}, not to the acting department`);
  }
}

/** Thrown when a result or data does not match its field map (422); `errors` lists every problem. */
export class FormMismatchError extends Error {
  override readonly name = 'FormMismatchError';
  constructor(readonly errors: readonly FieldError[]) {
    super(`The submitted fields do not match: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

/** Thrown when the flow or the case's situation does not allow the action (409), e.g. return not in `allow`. */
export class ActionNotAllowedError extends Error {
  override readonly name = 'ActionNotAllowedError';
  constructor(
    readonly action: string,
    why: string,
  ) {
    super(`${action} is not allowed: ${why}`);
  }
}

/** Thrown when the action's arguments are invalid in themselves, e.g. an extension before the deadline (422). */
export class ActionInvalidError extends Error {
  override readonly name = 'ActionInvalidError';
  constructor(
    readonly action: string,
    why: string,
  ) {
    super(`${action} is invalid: ${why}`);
  }
}

/** Thrown when any action reaches a closed or cancelled case (409). */
export class CaseClosedError extends Error {
  override readonly name = 'CaseClosedError';
  constructor(readonly status: string) {
    super(`The case is ${status}`);
  }
}

/**
 * What a supervisor's action on a suspended case would have done, for the refusal: "resume it before <this>". A
 * department's or the intake seat's action is not named: only a supervisor can resume.
 */
const SUPERVISOR_ACTIONS_WHILE_SUSPENDED: Readonly<Record<string, string>> = {
  urge: 'urging a step',
  reassign: 'reassigning a step',
  setEmergency: 'opening, changing or closing an emergency',
  decideExtension: 'deciding the extension',
  decidePark: 'deciding the park request',
  decideRework: 'deciding the rework',
  retry: 'retrying the step',
  updateData: 'correcting its data',
};

function suspendedMessage(action: string): string {
  if (action === 'suspend') return 'The case is already suspended';
  const what = SUPERVISOR_ACTIONS_WHILE_SUSPENDED[action];
  if (what === undefined) return 'The case is suspended; it waits until a supervisor resumes it';
  return `The case is suspended; resume it before ${what}`;
}

/** Thrown when an action other than resume, cancel or migrate reaches a suspended case, suspend included (409). */
export class CaseSuspendedError extends Error {
  override readonly name = 'CaseSuspendedError';
  constructor(readonly action: string) {
    super(suspendedMessage(action));
  }
}

/** Thrown when resume reaches a case that is not suspended (409). */
export class CaseNotSuspendedError extends Error {
  override readonly name = 'CaseNotSuspendedError';
  constructor() {
    super('The case is not suspended; there is nothing to resume');
  }
}

/** Thrown when an extension decision finds no pending extension request on the step (409). */
export class ExtensionNotPendingError extends Error {
  override readonly name = 'ExtensionNotPendingError';
  constructor(readonly stepId: string) {
    super(`Step '${stepId}' has no pending extension request`);
  }
}

/** Thrown when a park (挂账) decision finds no pending park request on the step (409). */
export class ParkNotPendingError extends Error {
  override readonly name = 'ParkNotPendingError';
  constructor(readonly stepId: string) {
    super(`Step '${stepId}' has no pending park request`);
  }
}

/** Thrown when retry reaches a step without an open incident (409). */
export class IncidentNotOpenError extends Error {
  override readonly name = 'IncidentNotOpenError';
  constructor(readonly stepId: string) {
    super(`Step '${stepId}' has no open incident to retry`);
  }
}

/** Thrown when a rework decision finds no rework waiting for a supervisor's decision on the step (409). */
export class ReworkDecisionNotPendingError extends Error {
  override readonly name = 'ReworkDecisionNotPendingError';
  constructor(readonly stepId: string) {
    super(`Step '${stepId}' has no rework waiting for a decision`);
  }
}
