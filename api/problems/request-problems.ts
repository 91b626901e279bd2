/**
 * Problems with the request itself: a zod parse failure (400 with every path), and the errors body parsers raise
 * (invalid JSON 400, too large 413, unsupported encoding or media type 415).
 */
import { ZodError } from 'zod';
import {
  BadRequestProblemError,
  HttpProblemError,
  PayloadTooLargeProblemError,
  UnsupportedMediaTypeProblemError,
} from './http-problem-error';
import type { ProblemIssue } from './http-problem-error';
import { requestProblemMessage } from './request-wording';

/** The problem for a zod or body-parser error, or undefined when it is neither. */
export function requestProblemOf(error: unknown): HttpProblemError | undefined {
  if (error instanceof ZodError) {
    return new BadRequestProblemError('The request does not match its schema', {
      slug: 'validation',
      title: 'Invalid request',
      errors: zodIssues(error),
    });
  }
  return bodyParserProblemOf(error);
}

/** Every zod issue as `{ path, message }` with a dotted path (`data.address`, `items.0.id`), worded for people. */
export function zodIssues(error: ZodError): ProblemIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: requestProblemMessage(issue),
  }));
}

/**
 * body-parser errors are http-errors with a `type` such as `entity.parse.failed` and a 4xx `status`; a body that
 * fails to inflate (bad gzip) and a path parameter that is not valid percent-encoding (the router's URIError) carry
 * a 4xx `status` but no `type`.
 */
function bodyParserProblemOf(error: unknown): HttpProblemError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof status !== 'number') return undefined;
  if (error instanceof URIError && status === 400) {
    return new BadRequestProblemError('The request path is not valid percent-encoding', {
      slug: 'bad-request',
      title: 'Bad request',
    });
  }
  if (type === 'entity.parse.failed') {
    const detail = isJsonText((error as { body?: unknown }).body)
      ? 'The request body must be a JSON object'
      : 'The request body is not valid JSON';
    return new BadRequestProblemError(detail, {
      slug: 'invalid-json',
      title: 'Invalid JSON',
    });
  }
  if (type === 'entity.too.large' || status === 413) {
    return new PayloadTooLargeProblemError('The request body is larger than this endpoint accepts');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported' || status === 415) {
    return new UnsupportedMediaTypeProblemError('The request body encoding or charset is not supported');
  }
  if (status >= 400 && status < 500) {
    return new HttpProblemError(status, 'The request body could not be read', {
      slug: 'bad-request',
      title: 'Bad request',
    });
  }
  return undefined;
}

/** Whether body-parser's raw text parses: JSON that its strict mode refused for not being an object or array. */
function isJsonText(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
