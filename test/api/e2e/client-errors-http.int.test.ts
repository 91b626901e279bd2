/**
 * Requests Node's HTTP parser refuses before any route runs, sent on a raw socket to the real API (`startApi`):
 * each is answered as a problem (431 for oversized headers, 400 for a malformed request) with its own
 * `X-Request-Id`, logged once with that id and counted in the HTTP metrics like any other answer, and a client that
 * goes away mid-request leaves the API serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../../scripts/temporal/dev-server';
import { startApi, type RunningApi } from '../../../api/start-api';
import { loadConfig } from '../../../config/load-config';
import { testTemporalAddress } from '../../helpers/temporal-test-env';
import { createTestLogger } from '../support/test-logger';
import { SECRET } from '../support/http-case-harness';

/** What came back on the socket until the server closed it. */
interface RawAnswer {
  readonly statusLine: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The parser's refusals of `status` as `/metrics` counts them (route `unmatched`, method unknown). */
async function refusalsCounted(port: number, status: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text
    .split('\n')
    .find((row) =>
      row.startsWith(
        `http_request_duration_seconds_count{method="unknown",route="unmatched",status="${status}"} `,
      ),
    );
  return Number(line?.split(' ')[1] ?? 0);
}

describe('requests the HTTP parser refuses', () => {
  let api: RunningApi;
  let port: number;
  const log = createTestLogger();

  // A ledger of its own: the default (.data/ledger.sqlite) may hold a migration another branch left there.
  const ledgerFolder = mkdtempSync(path.join(tmpdir(), 'client-errors-'));

  beforeAll(async () => {
    port = await findFreePort();
    const config = loadConfig(
      {
        AUTH_JWT_SECRET: SECRET,
        HTTP_PORT: String(port),
        LEDGER_FILE: path.join(ledgerFolder, 'ledger.sqlite'),
      },
      'api',
    );
    api = await startApi(config, log.logger, {
      connectionOptions: { address: testTemporalAddress() },
      namespace: 'default',
    });
  });
  afterAll(async () => {
    await api.close();
    rmSync(ledgerFolder, { recursive: true, force: true });
  });

  /** Writes `bytes` and reads until the server ends the connection. */
  function exchange(bytes: string): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('end', () => {
        socket.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        resolve({ statusLine, headers, body: body === '' ? undefined : JSON.parse(body) });
      });
    });
  }

  const problem = (status: number, slug: string, title: string, detail: string) => ({
    statusLine: expect.stringMatching(new RegExp(`^HTTP/1\\.1 ${status} `)),
    headers: expect.objectContaining({
      'content-type': 'application/problem+json; charset=utf-8',
      connection: 'close',
      'x-request-id': expect.stringMatching(UUID),
    }),
    body: { type: `https://fullcycle.dev/problems/${slug}`, title, status, detail, instance: '' },
  });

  it('answers headers over the size limit with a 431 problem', async () => {
    const answer = await exchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toEqual(
      problem(
        431,
        'headers-too-large',
        'Request header fields too large',
        'The request line and headers are larger than this server reads (16384 bytes in all)',
      ),
    );
  });

  it.each([
    ['a request line that is no HTTP', 'HELLO\r\n\r\n'],
    ['a request line with a bad version', 'GET /healthz HTTP/9.Z\r\nHost: x\r\n\r\n'],
    ['a header name holding a space', 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'],
    ['a header holding a bare line feed', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\nb\r\n\r\n'],
    ['a body length that is no number', 'POST /v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n\r\n'],
    [
      'a chunk size that is no number',
      'POST /v1/cases HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ],
  ])('answers %s with a 400 problem', async (_name, bytes) => {
    expect(await exchange(bytes)).toEqual(
      problem(400, 'malformed-request', 'Malformed request', 'The request is not well-formed HTTP/1.1'),
    );
  });

  it('logs each refusal once under the request id it answered, and counts it in the HTTP metrics', async () => {
    const counted = { 400: await refusalsCounted(port, 400), 431: await refusalsCounted(port, 431) };
    const answers = [
      await exchange('HELLO\r\n\r\n'),
      await exchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      await exchange('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'),
    ];
    const ids = answers.map((answer) => answer.headers['x-request-id']);
    expect(new Set(ids).size).toBe(3);
    for (const [index, id] of ids.entries()) {
      const logged = log.lines().filter((line) => (line['req'] as { id?: unknown } | undefined)?.id === id);
      expect(logged).toEqual([
        expect.objectContaining({
          level: 40,
          msg: 'Request refused by the HTTP parser',
          res: { statusCode: [400, 431, 400][index] },
        }),
      ]);
    }
    expect(await refusalsCounted(port, 400)).toBe(counted[400] + 2);
    expect(await refusalsCounted(port, 431)).toBe(counted[431] + 1);
  });

  it('keeps serving after clients that reset their connection mid-request', async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}`);
          socket.resetAndDestroy();
          resolve();
        });
      });
    }
    const healthy = await exchange('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect([healthy.statusLine, healthy.body]).toEqual(['HTTP/1.1 200 OK', { status: 'ok' }]);
  });
});
