/**
 * The engine's typed errors as HTTP problems. They are recognised by name, whether thrown in-process (`error.name`)
 * or carried across Temporal as an ApplicationFailure `type`, usually inside a WorkflowUpdateFailedError.
 */
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  ConflictProblemError,
  ForbiddenProblemError,
  NotFoundProblemError,
  UnprocessableProblemError,
} from './http-problem-error';
import type { HttpProblemError, ProblemIssue } from './http-problem-error';

type ProblemFactory = (detail: string, issues: readonly ProblemIssue[]) => HttpProblemError;

const conflict =
  (slug: string, title: string): ProblemFactory =>
  (detail) =>
    new ConflictProblemError(detail, { slug, title });

const ENGINE_PROBLEMS: ReadonlyMap<string, ProblemFactory> = new Map(
  Object.entries({
    StepNotActiveError: conflict('step-not-active', 'Step not active'),
    ActionNotAllowedError: conflict('action-not-allowed', 'Action not allowed'),
    CaseClosedError: conflict('case-closed', 'Case closed'),
    ExtensionNotPendingError: conflict('extension-not-pending', 'No extension pending'),
    CaseSuspendedError: conflict('case-suspended', 'Case suspended'),
    CaseNotSuspendedError: conflict('case-not-suspended', 'Case not suspended'),
    IncidentNotOpenError: conflict('incident-not-open', 'No incident to retry'),
    StepNotFoundError: (detail) =>
      new NotFoundProblemError(detail, { slug: 'step-not-found', title: 'Step not found' }),
    ActionInvalidError: (detail) =>
      new UnprocessableProblemError(detail, [], { slug: 'action-invalid', title: 'Action invalid' }),
    StepNotAssignedError: (detail) =>
      new ForbiddenProblemError(detail, { slug: 'step-not-assigned', title: 'Step not assigned to you' }),
    FormMismatchError: (detail, issues) =>
      new UnprocessableProblemError(detail, issues, {
        slug: 'form-mismatch',
        title: 'Result does not match the form',
      }),
  } satisfies Record<string, ProblemFactory>),
);

/** The problem for an engine error (direct or via Temporal), or undefined when it is none of them. */
export function engineProblemOf(error: unknown): HttpProblemError | undefined {
  const failure = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (failure instanceof ApplicationFailure) {
    const factory = failure.type == null ? undefined : ENGINE_PROBLEMS.get(failure.type);
    return factory?.(failure.message, issuesIn(failure.details?.[0]));
  }
  if (failure instanceof Error)
    return ENGINE_PROBLEMS.get(failure.name)?.(failure.message, issuesIn(failure));
  return undefined;
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
