/**
 * The engine's typed errors as HTTP problems, one entry per error class of the engine modules whose errors reach
 * the API: case actions' (carried by Temporal as an ApplicationFailure whose `type` is the class name, usually
 * inside a WorkflowUpdateFailedError), migrations' (a refused plan), the directory's (resolving a new case's
 * assignees) and the working-time parser's (instants in requests). The table is typed over those modules' exports: a new error class without an
 * entry fails to compile.
 */
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import * as caseErrors from '../../workflows/engine/case/case-errors';
import * as directoryErrors from '../../workflows/engine/directory/directory-errors';
import * as migrationErrors from '../../workflows/engine/migration/migration-errors';
import * as timeErrors from '../../workflows/engine/time/time-errors';
import {
  BadRequestProblemError,
  ConflictProblemError,
  ForbiddenProblemError,
  NotFoundProblemError,
  UnprocessableProblemError,
  type HttpProblemError,
  type ProblemIssue,
} from './http-problem-error';

/** Every engine error class the API can receive, by class name (which is also each error's `name`). */
export const ENGINE_ERROR_CLASSES = { ...caseErrors, ...directoryErrors, ...timeErrors, ...migrationErrors };
export type EngineErrorName = keyof typeof ENGINE_ERROR_CLASSES;

type Answer = { readonly slug: string; readonly title: string };
const BY_STATUS = {
  400: (detail: string, answer: Answer) => new BadRequestProblemError(detail, answer),
  403: (detail: string, answer: Answer) => new ForbiddenProblemError(detail, answer),
  404: (detail: string, answer: Answer) => new NotFoundProblemError(detail, answer),
  409: (detail: string, answer: Answer) => new ConflictProblemError(detail, answer),
  422: (detail: string, answer: Answer, issues: readonly ProblemIssue[]) =>
    new UnprocessableProblemError(detail, issues, answer),
} satisfies Record<
  number,
  (detail: string, answer: Answer, issues: readonly ProblemIssue[]) => HttpProblemError
>;

/**
 * How an error class is answered: a problem with its status, or `internal` when the error is a fault of this
 * deployment's data (a flow or calendar the checks let through), answered as an unexpected error (500, logged).
 */
export type EngineProblem = (Answer & { readonly status: keyof typeof BY_STATUS }) | 'internal';

/** The answer to each engine error class. */
export const ENGINE_PROBLEMS: { readonly [K in EngineErrorName]: EngineProblem } = {
  StepNotActiveError: { status: 409, slug: 'step-not-active', title: 'Step not active' },
  StepNotFoundError: { status: 404, slug: 'step-not-found', title: 'Step not found' },
  StepNotAssignedError: { status: 403, slug: 'step-not-assigned', title: 'Step not assigned to you' },
  FormMismatchError: { status: 422, slug: 'form-mismatch', title: 'Result does not match the form' },
  ActionNotAllowedError: { status: 409, slug: 'action-not-allowed', title: 'Action not allowed' },
  ActionInvalidError: { status: 422, slug: 'action-invalid', title: 'Action invalid' },
  CaseClosedError: { status: 409, slug: 'case-closed', title: 'Case closed' },
  CaseSuspendedError: { status: 409, slug: 'case-suspended', title: 'Case suspended' },
  CaseNotSuspendedError: { status: 409, slug: 'case-not-suspended', title: 'Case not suspended' },
  ExtensionNotPendingError: { status: 409, slug: 'extension-not-pending', title: 'No extension pending' },
  ParkNotPendingError: { status: 409, slug: 'park-not-pending', title: 'No park request pending' },
  IncidentNotOpenError: { status: 409, slug: 'incident-not-open', title: 'No incident to retry' },
  ReworkDecisionNotPendingError: {
    status: 409,
    slug: 'rework-decision-not-pending',
    title: 'No rework waiting for a decision',
  },
  MigrationRefusedError: {
    status: 422,
    slug: 'migration-refused',
    title: 'The case cannot move to that version',
  },
  RegionUnknownError: { status: 422, slug: 'region-unknown', title: 'Unknown region' },
  AssigneeUnresolvedError: {
    status: 422,
    slug: 'assignee-unresolved',
    title: 'No department of the directory takes this case',
  },
  SystemUnknownError: 'internal',
  InstantInvalidError: { status: 400, slug: 'instant-invalid', title: 'Invalid instant' },
  DurationInvalidError: { status: 400, slug: 'duration-invalid', title: 'Invalid duration' },
  TimezoneInvalidError: 'internal',
  WorkingPeriodInvalidError: 'internal',
  CalendarNoWorkingTimeError: 'internal',
};

/** The problem for an engine error (direct or via Temporal), or undefined when it is none of them. */
export function engineProblemOf(error: unknown): HttpProblemError | undefined {
  const failure = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (failure instanceof ApplicationFailure) {
    const name = failure.type;
    if (name == null || !isEngineErrorName(name)) return undefined;
    return problemFor(name, failure.message, issuesIn(failure.details?.[0]));
  }
  if (failure instanceof Error && isEngineErrorName(failure.name)) {
    const name = failure.name;
    if (!(failure instanceof ENGINE_ERROR_CLASSES[name])) return undefined;
    return problemFor(name, failure.message, issuesIn(failure));
  }
  return undefined;
}

function isEngineErrorName(name: string): name is EngineErrorName {
  return Object.hasOwn(ENGINE_PROBLEMS, name);
}

function problemFor(
  name: EngineErrorName,
  detail: string,
  issues: readonly ProblemIssue[],
): HttpProblemError | undefined {
  const answer = ENGINE_PROBLEMS[name];
  if (answer === 'internal') return undefined;
  return BY_STATUS[answer.status](detail, answer, issues);
}

/** Validation issues carried as `{ errors: [...] }` (an error or a failure's details) or as a bare array. */
function issuesIn(carrier: unknown): readonly ProblemIssue[] {
  const list = Array.isArray(carrier) ? carrier : (carrier as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}
