/**
 * GeoReport's own error format, mapped once at the edge of the Open311 router: a list of `{ code, description }`
 * in the requested format, with 404 for what does not exist, 403 for a missing or bad api_key, 409 for an
 * Idempotency-Key reused with another request, 429 over the rate limit and 400 for every other problem of the request (the specification's rule). Faults of the server keep
 * their 5xx (never for bad input); their details are logged, not shown.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { toHttpProblem } from '../problems';
import { CONTENT_TYPES, renderGeoDocument, type GeoDocument, type GeoFormat } from './georeport-document';

/** One error of the list. */
export interface GeoReportErrorItem {
  readonly code: number;
  readonly description: string;
}

/** Thrown when an Open311 request ends in a known error; carries every error of the list. */
export class GeoReportError extends Error {
  override readonly name = 'GeoReportError';
  readonly errors: readonly GeoReportErrorItem[];
  constructor(
    readonly status: number,
    descriptions: readonly string[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(descriptions.join('; '));
    this.errors = descriptions.map((description) => ({ code: status, description }));
  }
}

/** 400 naming each bad parameter. */
export const badRequest = (...descriptions: string[]) => new GeoReportError(400, descriptions);
/** 404 for a resource that does not exist. */
export const notFound = (description: string) => new GeoReportError(404, [description]);
/** 403 for a missing, unknown or out-of-scope api_key. */
export const forbidden = (description: string) => new GeoReportError(403, [description]);

/** The format a request asked for by its extension (`requests.json`); XML, the required one, otherwise. */
export function formatOfPath(path: string): GeoFormat {
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

/** The GeoReport error an error stands for, or undefined when it is unexpected. */
export function toGeoReportError(error: unknown): GeoReportError | undefined {
  if (error instanceof GeoReportError) return error;
  const problem = toHttpProblem(error);
  if (problem === undefined) return undefined;
  const status =
    problem.status === 401 || problem.status === 403
      ? 403
      : [404, 409, 429].includes(problem.status) || problem.status >= 500
        ? problem.status
        : 400;
  const descriptions = problem.errors?.length
    ? problem.errors.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`))
    : [problem.detail];
  return new GeoReportError(status, descriptions, problem.headers);
}

/** The error list as a GeoReport document. */
export function errorDocument(error: GeoReportError): GeoDocument {
  return {
    root: 'errors',
    body: {
      item: 'error',
      items: error.errors.map((item) => [
        ['code', item.code],
        ['description', item.description],
      ]),
    },
  };
}

/** Error middleware of the Open311 router: every error becomes a GeoReport error list. */
export function createGeoReportErrorHandler(logger: Pick<Logger, 'error'>): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = toGeoReportError(error);
    if (known === undefined) {
      logger.error(
        { reqId: (req as { id?: unknown }).id, method: req.method, path: req.path, err: error },
        'Request failed',
      );
    }
    const answer = known ?? new GeoReportError(500, ['An unexpected error occurred; it has been logged']);
    sendGeoReportError(req, res, answer);
  };
}

/** Answers an unmatched path under the router with a GeoReport 404. */
export const geoReportNotFound: RequestHandler = (req, _res, next) => {
  next(notFound(`No GeoReport resource ${req.method} ${req.path}; resources end in .xml or .json`));
};

function sendGeoReportError(req: Request, res: Parameters<RequestHandler>[1], error: GeoReportError): void {
  const format = formatOfPath(req.path);
  res
    .status(error.status)
    .set(error.headers)
    .type(CONTENT_TYPES[format])
    .send(renderGeoDocument(errorDocument(error), format));
}
