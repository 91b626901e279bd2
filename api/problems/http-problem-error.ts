/**
 * Errors that already know their HTTP answer: routers and middleware throw these, and the one problem handler
 * writes them as `application/problem+json` (RFC 9457).
 */

/** One validation problem: where (a dotted path into the input, '' for the whole) and what. */
export interface ProblemIssue {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ProblemDetails {
  /** Last segment of the problem type URI (`step-not-active`); defaults per class. */
  readonly slug?: string;
  readonly title?: string;
  readonly errors?: readonly ProblemIssue[];
  /** Extra response headers (`WWW-Authenticate`, `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown when a request ends in a known HTTP problem; the base of the family. */
export class HttpProblemError extends Error {
  readonly slug: string;
  readonly title: string;
  readonly errors: readonly ProblemIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    readonly detail: string,
    defaults: { slug: string; title: string },
    details: ProblemDetails = {},
  ) {
    super(detail);
    this.name = 'HttpProblemError';
    this.slug = details.slug ?? defaults.slug;
    this.title = details.title ?? defaults.title;
    this.errors = details.errors;
    this.headers = details.headers ?? {};
  }
}

/** Thrown when the request is malformed (bad JSON, query or body not matching its schema). */
export class BadRequestProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(400, detail, { slug: 'bad-request', title: 'Bad request' }, details);
  }
}

/** Thrown when no valid bearer token came with the request. */
export class UnauthorizedProblemError extends HttpProblemError {
  constructor(detail: string, details: ProblemDetails = {}) {
    const headers = { 'WWW-Authenticate': 'Bearer', ...details.headers };
    super(401, detail, { slug: 'unauthorized', title: 'Unauthorized' }, { ...details, headers });
  }
}

/** Thrown when the token is valid but its actor may not do this. */
export class ForbiddenProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(403, detail, { slug: 'forbidden', title: 'Forbidden' }, details);
  }
}

/** Thrown when the addressed resource (case, flow, route) does not exist. */
export class NotFoundProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(404, detail, { slug: 'not-found', title: 'Not found' }, details);
  }
}

/** Thrown when the request conflicts with the resource's current state. */
export class ConflictProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(409, detail, { slug: 'conflict', title: 'Conflict' }, details);
  }
}

/** Thrown when the request body is larger than the configured limit. */
export class PayloadTooLargeProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(413, detail, { slug: 'payload-too-large', title: 'Payload too large' }, details);
  }
}

/** Thrown when the request was not received in full within the server's time limit. */
export class RequestTimeoutProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(408, detail, { slug: 'request-timeout', title: 'Request timeout' }, details);
  }
}

/** Thrown when the request's header section is larger than the server reads. */
export class RequestHeaderFieldsTooLargeProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(431, detail, { slug: 'headers-too-large', title: 'Request header fields too large' }, details);
  }
}

/** Thrown when the request body comes in a media type or encoding the route does not read. */
export class UnsupportedMediaTypeProblemError extends HttpProblemError {
  constructor(detail: string, details?: ProblemDetails) {
    super(415, detail, { slug: 'unsupported-media-type', title: 'Unsupported media type' }, details);
  }
}

/** Thrown when well-formed input breaks a rule of its flow (data fields, a step's form); lists every problem. */
export class UnprocessableProblemError extends HttpProblemError {
  constructor(detail: string, errors: readonly ProblemIssue[], details?: ProblemDetails) {
    super(422, detail, { slug: 'unprocessable', title: 'Unprocessable content' }, { ...details, errors });
  }
}

/** Thrown when the caller exceeded its request rate; says when to come back. */
export class TooManyRequestsProblemError extends HttpProblemError {
  constructor(detail: string, retryAfterSeconds: number, details?: ProblemDetails) {
    const headers = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
    super(429, detail, { slug: 'too-many-requests', title: 'Too many requests' }, { ...details, headers });
  }
}

/** Thrown when a dependency (Temporal) is unreachable; says when to retry. */
export class ServiceUnavailableProblemError extends HttpProblemError {
  constructor(detail: string, retryAfterSeconds: number, details?: ProblemDetails) {
    const headers = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
    super(
      503,
      detail,
      { slug: 'service-unavailable', title: 'Service unavailable' },
      { ...details, headers },
    );
  }
}

/** The 404 for a flow (or one version of it) the catalogue does not hold. */
export function flowNotFound(flowId: string, version?: number): NotFoundProblemError {
  const which = version === undefined ? '' : ` version ${version}`;
  return new NotFoundProblemError(`No flow '${flowId}'${which}`, { slug: 'flow-not-found' });
}
