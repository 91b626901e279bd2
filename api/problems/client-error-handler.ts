/**
 * The HTTP server's `clientError` listener: a request Node's parser refuses never reaches Express, so its answer
 * (the problem of api/problems/parser-problems.ts) is written on the socket here, as problem+json with
 * `Connection: close`. Nothing is written to a socket that is gone or that already carries a response. Like every
 * other answer it carries a new `X-Request-Id` (the request's own was not read), is logged once with that id and
 * its status, and is counted in the HTTP metrics (route `unmatched`).
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../operations/http-metrics';
import { PROBLEM_CONTENT_TYPE, toProblemDocument } from './problem-document';
import { parserProblemOf } from './parser-problems';

/** The listener for `server.on('clientError', …)`. */
export function createClientErrorHandler(
  logger: Pick<Logger, 'warn'>,
  metrics: Pick<HttpMetrics, 'refused'>,
): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const problem = parserProblemOf(error);
    const id = randomUUID();
    // As the request log's completion line says it (api/request-logging.ts): a 4xx is a warning.
    logger.warn(
      { req: { id }, res: { statusCode: problem.status }, code: error.code },
      'Request refused by the HTTP parser',
    );
    metrics.refused(problem.status);
    // The request line was not read (or not trusted): the problem names no instance.
    const body = JSON.stringify(toProblemDocument(problem, ''));
    const head = [
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${id}`,
      ...Object.entries(problem.headers).map(([name, value]) => `${name}: ${value}`),
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
  };
}

/** Whether a response on this (keep-alive) socket has begun: another status line would corrupt it. */
function responseStarted(socket: Duplex): boolean {
  const current = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return current?.headersSent === true;
}
