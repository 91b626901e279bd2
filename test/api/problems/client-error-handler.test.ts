import { PassThrough } from 'node:stream';
import { createHttpMetrics } from '../../../api/operations/http-metrics';
import { createClientErrorHandler } from '../../../api/problems/client-error-handler';
import { createTestLogger } from '../support/test-logger';

/** A socket standing in for the server's (the real exchange is in test/api/e2e/client-errors-http.int.test.ts). */
function socket(): PassThrough & { written: unknown[] } {
  const stream = Object.assign(new PassThrough(), { written: [] as unknown[] });
  stream.write = ((chunk: unknown) => stream.written.push(chunk) > 0) as typeof stream.write;
  stream.end = ((chunk?: unknown) => {
    if (chunk !== undefined && typeof chunk !== 'function') stream.written.push(chunk);
    return stream;
  }) as typeof stream.end;
  return stream;
}

const parseError = Object.assign(new Error('Parse Error: Invalid method encountered'), {
  code: 'HPE_INVALID_METHOD',
});

describe('the clientError handler', () => {
  const handle = createClientErrorHandler(createTestLogger().logger, createHttpMetrics());

  it('writes nothing to a socket that is gone, and destroys it', () => {
    const gone = socket();
    gone.destroy();
    handle(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), gone);
    handle(parseError, gone);
    expect([gone.written, gone.destroyed]).toEqual([[], true]);
  });

  it('writes nothing into a response already under way on the socket', () => {
    const busy = Object.assign(socket(), { _httpMessage: { headersSent: true } });
    handle(parseError, busy);
    expect([busy.written, busy.destroyed]).toEqual([[], true]);
  });
});
