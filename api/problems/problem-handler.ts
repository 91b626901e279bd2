/**
 * The one place errors become HTTP answers: every error is mapped to an `application/problem+json` response.
 * Unknown errors are 500s with a generic detail; their full error is logged with the request id.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { engineProblemOf } from './engine-problems';
import { HttpProblemError, NotFoundProblemError } from './http-problem-error';
import { PROBLEM_CONTENT_TYPE, toProblemDocument } from './problem-document';
import { requestProblemOf } from './request-problems';
import { temporalProblemOf } from './temporal-problems';

export interface ProblemHandlerOptions {
  readonly logger: Pick<Logger, 'error' | 'warn'>;
  /** `Retry-After` seconds sent with a 503 when Temporal is unreachable (default 5). */
  readonly retryAfterSeconds?: number;
}

/** The problem an error stands for, or undefined when it is unexpected (a 500). */
export function toHttpProblem(error: unknown, retryAfterSeconds = 5): HttpProblemError | undefined {
  if (error instanceof HttpProblemError) return error;
  return requestProblemOf(error) ?? engineProblemOf(error) ?? temporalProblemOf(error, retryAfterSeconds);
}

/** Express error middleware; register it last. */
export function createProblemHandler(options: ProblemHandlerOptions): ErrorRequestHandler {
  const { logger } = options;
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = toHttpProblem(error, options.retryAfterSeconds);
    const problem = known ?? internalProblem();
    const context = { reqId: requestIdOf(req), method: req.method, path: instancePath(req) };
    if (known === undefined) logger.error({ ...context, err: error }, 'Request failed');
    else if (problem.status >= 500)
      logger.warn({ ...context, problem: problem.slug, reason: messageOf(error) }, 'Request failed');
    sendProblem(req, res, problem);
  };
}

/** Answers every request no route matched with a 404 problem; register it after the routers. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundProblemError(`No route for ${req.method} ${req.path}`, { slug: 'route-not-found' }));
};

/** Writes a problem as the response (status, its headers, problem+json body). */
export function sendProblem(req: Request, res: Response, problem: HttpProblemError): void {
  res
    .status(problem.status)
    .set(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(toProblemDocument(problem, instancePath(req))));
}

function internalProblem(): HttpProblemError {
  return new HttpProblemError(500, 'An unexpected error occurred; it has been logged', {
    slug: 'internal',
    title: 'Internal server error',
  });
}

/** The request path as the client sent it (the query left out: it may carry personal data). */
function instancePath(req: Request): string {
  return req.originalUrl.split('?')[0] ?? req.path;
}

/** pino-http puts the request id on `req.id`. */
function requestIdOf(req: Request): unknown {
  return (req as { id?: unknown }).id;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
