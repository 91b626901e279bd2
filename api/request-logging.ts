/** pino-http request logging with request ids (the caller's `X-Request-Id` when sane, else a new UUID). */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
/** `/v1/cases/{caseId}…` with an id of the contract's shape (anything else is not logged as a case id). */
const CASE_PATH = /^\/v1\/cases\/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})(?:[/?#]|$)/;

/** The actor (as the engine records it) and the case a request is about, for its completion line. */
function requestProps(req: IncomingMessage, res: ServerResponse): Record<string, unknown> {
  const actor = (res as { locals?: Record<string, unknown> }).locals?.['actor'] as
    | { sub: string; role: string; dept?: string }
    | undefined;
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const location = res.getHeader('location');
  const caseId =
    CASE_PATH.exec(url)?.[1] ?? CASE_PATH.exec(typeof location === 'string' ? location : '')?.[1];
  return {
    ...(actor === undefined
      ? {}
      : {
          actor: {
            sub: actor.sub,
            role: actor.role,
            ...(actor.dept === undefined ? {} : { dept: actor.dept }),
          },
        }),
    ...(caseId === undefined ? {} : { caseId }),
  };
}

/** Logs one line per request; `req.log` carries the request id for every later line. */
export function createRequestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    // Bound when the request starts (no actor yet) and again for the completion line, once authenticated.
    customProps: requestProps,
    // Only method, path and status: no headers (tokens), no bodies (personal data).
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
