/**
 * Temporal's own errors as HTTP problems: an unknown workflow is an unknown case (404), a workflow id already taken
 * is a conflict (409), and a cluster that cannot be reached, one too busy to answer now, or an action it could not
 * hand to a worker (or no worker applied by the API's deadline), is a 503 with `Retry-After`.
 */
import {
  ApplicationFailure,
  QueryRejectedError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import {
  ConflictProblemError,
  NotFoundProblemError,
  ServiceUnavailableProblemError,
} from './http-problem-error';
import type { HttpProblemError } from './http-problem-error';

/** gRPC DEADLINE_EXCEEDED: the call's deadline passed without an answer (no worker answered a Query in time). */
const DEADLINE_EXCEEDED = 4;
/** gRPC status codes meaning "the server is not there (now)": UNAVAILABLE and DEADLINE_EXCEEDED. */
const UNREACHABLE_GRPC_CODES = new Set([14, DEADLINE_EXCEEDED]);
/** gRPC RESOURCE_EXHAUSTED: the server sheds load (e.g. "consistent query buffer is full"). */
const RESOURCE_EXHAUSTED = 8;
/** gRPC FAILED_PRECONDITION, transient only with this message: a Query while the case's workflow task is failing. */
const FAILED_PRECONDITION = 9;
const WORKFLOW_TASK_FAILING = /Workflow Task in failed state/i;
const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
]);

/** The problem for a Temporal client error, or undefined when it is none of the known ones. */
export function temporalProblemOf(error: unknown, retryAfterSeconds: number): HttpProblemError | undefined {
  if (error instanceof WorkflowNotFoundError) {
    return new NotFoundProblemError('No such case', { slug: 'case-not-found', title: 'Case not found' });
  }
  if (error instanceof QueryRejectedError) {
    // Closed outside the engine before the ledger had any record of it: nothing to show of the case.
    return new NotFoundProblemError('No such case: its workflow was closed before the ledger recorded it', {
      slug: 'case-not-found',
      title: 'Case not found',
    });
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return new ConflictProblemError('A case with this id already exists', {
      slug: 'case-already-exists',
      title: 'Case already exists',
    });
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new ServiceUnavailableProblemError(
      'The action was received but is not applied yet: no worker of the case took it in time (they may be restarting), ' +
        'or the workflow service did not answer. It may still be applied once a worker runs: retry with the same ' +
        'Idempotency-Key, which answers its outcome and never applies it twice',
      retryAfterSeconds,
      { slug: 'action-not-delivered' },
    );
  }
  if (isActionNotDelivered(error)) {
    return new ServiceUnavailableProblemError(
      'The case could not take the action now (its worker is restarting); retry with the same Idempotency-Key',
      retryAfterSeconds,
      { slug: 'action-not-delivered' },
    );
  }
  if (isTemporalBusy(error)) {
    return new ServiceUnavailableProblemError(
      'The workflow service cannot answer for this case now (it is shedding load or the case is being retried); retry later',
      retryAfterSeconds,
      { slug: 'temporal-busy' },
    );
  }
  if (isTemporalUnreachable(error)) {
    return new ServiceUnavailableProblemError(
      'The workflow service is not reachable; retry later',
      retryAfterSeconds,
      {
        slug: 'temporal-unavailable',
      },
    );
  }
  return undefined;
}

/**
 * True when an action's Update has not reached the case's code: the server gave it up because no worker processed
 * it (`UnprocessedUpdate`, seen while a worker restarts: nothing was applied), or the call ended (the API's action
 * deadline, CASE_ACTION_UPDATE_TIMEOUT_MS) before a worker applied it (Temporal may still hold it and apply it).
 */
export function isActionNotDelivered(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === 'UnprocessedUpdate'
  );
}

/**
 * True when Temporal answered but could not serve the call now, with nothing changed: it shed the load
 * (RESOURCE_EXHAUSTED) or a Query met the case while its workflow task was failing (FAILED_PRECONDITION with that
 * message; seen while a worker restarts under load).
 */
export function isTemporalBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const { code } = current as { code?: unknown };
    if (code === RESOURCE_EXHAUSTED) return true;
    if (code === FAILED_PRECONDITION && WORKFLOW_TASK_FAILING.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * True when the error (or a cause) says Temporal could not be reached: a gRPC UNAVAILABLE or DEADLINE_EXCEEDED
 * status, a refused or reset socket, or a client ServiceError without any gRPC status (a failed connect).
 */
export function isTemporalUnreachable(error: unknown): boolean {
  let sawServiceError = false;
  let sawGrpcStatus = false;
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const { code } = current as { code?: unknown };
    if (current instanceof ServiceError) sawServiceError = true;
    if (typeof code === 'number') {
      if (UNREACHABLE_GRPC_CODES.has(code)) return true;
      sawGrpcStatus = true;
    }
    if (typeof code === 'string' && UNREACHABLE_SOCKET_CODES.has(code)) return true;
    current = current.cause;
  }
  return sawServiceError && !sawGrpcStatus;
}

/** True when the call's deadline passed (gRPC DEADLINE_EXCEEDED, on the error or a cause): Temporal answered nothing. */
export function isDeadlineExceeded(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if ((current as { code?: unknown }).code === DEADLINE_EXCEEDED) return true;
    current = current.cause;
  }
  return false;
}
