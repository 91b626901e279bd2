/**
 * Problems Node's HTTP parser finds before any route runs (the server's `clientError` event, whose error carries a
 * `code`): a header section over the size limit (431), a request not received in time (408), and anything else it
 * cannot read as HTTP/1.1 (400: a malformed request line, a header with a forbidden character, a bad chunk).
 */
import { maxHeaderSize } from 'node:http';
import {
  BadRequestProblemError,
  PayloadTooLargeProblemError,
  RequestHeaderFieldsTooLargeProblemError,
  RequestTimeoutProblemError,
  type HttpProblemError,
} from './http-problem-error';

/** The problem for an error of Node's HTTP parser. */
export function parserProblemOf(error: unknown): HttpProblemError {
  switch ((error as { code?: unknown } | undefined)?.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new RequestHeaderFieldsTooLargeProblemError(
        `The request line and headers are larger than this server reads (${maxHeaderSize} bytes in all)`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new PayloadTooLargeProblemError('The chunk extensions of the request body are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutProblemError('The request was not received in full in time');
    default:
      return new BadRequestProblemError('The request is not well-formed HTTP/1.1', {
        slug: 'malformed-request',
        title: 'Malformed request',
      });
  }
}
