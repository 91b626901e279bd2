import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import pino from 'pino';
import request from 'supertest';
import type { Actor } from '../../../api/auth';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import { withCaseWorker } from '../../helpers/temporal-test-env';
import {
  HttpCaseDriver,
  INTAKE,
  OTHER_SUPERVISOR,
  SECRET,
  SUPERVISOR,
  bearer,
  departmentUser,
  expectStatus,
  startHttpHarness,
  stepIn,
  type HttpHarness,
} from '../support/http-case-harness';
import { eventually } from '../../helpers/eventually';

interface Route {
  readonly method: 'get' | 'post';
  readonly path: string;
}

interface Sent {
  readonly method: Route['method'];
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

const RUNS = 60;

/** Path segments that have broken routers before: traversal, quotes, bad or double percent-encodings, NUL. */
const NASTY_SEGMENTS = [
  '..',
  '%2E%2E',
  '..%2F..%2Fetc%2Fpasswd',
  '%2F',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AF',
  '%FF%FE',
  '%00',
  '%252e%252e',
  "'",
  '%22',
  "x'%20OR%20'1'%3D'1",
  'a%20b',
  '%F0%9F%98%80',
  '~',
  '-',
  '.',
  'case-',
] as const;

/** A JSON text nested `depth` levels deep. */
const deepJson = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Header values node will put on the wire: printable ASCII and Latin-1. */
const headerText = (maxLength: number) =>
  fc
    .string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength })
    .filter((s) => !/[\x7f-\x9f]/.test(s) && s.trim() === s);

const SAMPLE_BODIES: readonly unknown[] = [
  { result: 5 },
  { result: null },
  { result: { done: true } },
  { level: '4', reason: 1 },
  { level: 9, reason: 'x' },
  { level: 0, reason: '' },
  { until: 'tomorrow', reason: 'x' },
  { until: '2026-13-45T99:99:99+08:00', reason: 'x' },
  { reason: 'other', note: 7 },
  { approve: 'true' },
  { stepId: ['handle'], department: {}, reason: 'x' },
  { satisfaction: 'ecstatic', resolved: 'yes' },
  { flowId: 'urban.exposed-garbage', region: '../440104', data: { address: [] } },
  { flowId: { $ne: null }, region: 440104, data: 'x' },
  { flowId: 'urban.exposed-garbage', caseId: '../x', region: '440104001001001', data: {} },
  { constructor: { prototype: { polluted: true } } },
];

describe('every served route answers bad input with a 4xx problem, never a 5xx', () => {
  let harness: HttpHarness;
  let server: Server;
  let base: string;
  let stopWorker: () => void;
  let worker: Promise<void>;
  let routes: Route[];
  let caseId: string;
  const tokens: string[] = [];
  const badTokens: string[] = [];

  beforeAll(async () => {
    harness = await startHttpHarness(pino({ level: 'silent' }));
    const stopped = new Promise<void>((resolve) => (stopWorker = resolve));
    worker = withCaseWorker(harness.taskQueue, () => stopped, harness.activityDependencies);
    server = harness.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const document = await request(base).get('/openapi.json');
    expectStatus(document, 200, 'openapi');
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    routes = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method): method is Route['method'] => method === 'get' || method === 'post')
        .map((method) => ({ method, path })),
    );

    // A live case at `handle`, so that valid ids and tokens reach the engine.
    caseId = uniqueCaseId('FUZZ');
    const start = await request(base)
      .post('/v1/cases')
      .set('Authorization', await bearer(INTAKE))
      .send({ caseId, ...REFERENCE_CASES['urban.exposed-garbage']!.fields });
    expectStatus(start, 201, 'start');
    const driver = new HttpCaseDriver(harness.app, harness.service);
    const flow = harness.service.flows.get('urban.exposed-garbage')!;
    for (const stepId of ['verify', 'file']) {
      const view = await driver.until(caseId, (v) => stepIn(v, stepId).status === 'active', stepId);
      await driver.complete(caseId, flow, stepIn(view, stepId));
    }
    await driver.until(caseId, (v) => stepIn(v, 'handle').status === 'active', 'handle');
    const second = await request(base)
      .post('/v1/cases')
      .set('Authorization', await bearer(INTAKE))
      .send({ caseId: uniqueCaseId('FUZZ'), ...REFERENCE_CASES['urban.exposed-garbage']!.fields });
    expectStatus(second, 201, 'start a second case');

    const actors: Actor[] = [
      INTAKE,
      SUPERVISOR,
      OTHER_SUPERVISOR,
      departmentUser('yuexiu-sanitation'),
      departmentUser('tianhe-sanitation'),
      { sub: 'designer-1', role: 'designer' },
      { sub: 'admin-1', role: 'admin' },
    ];
    for (const actor of actors) tokens.push(await bearer(actor));
    const wrongSecret = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
    const expired = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      '{"sub":"x","role":"admin"}',
    ).toString('base64url')}.`;
    badTokens.push(
      `Bearer ${wrongSecret}`,
      `Bearer ${expired}`,
      `Bearer ${noneAlg}`,
      'Bearer',
      'Bearer not.a.jwt',
      'Basic YWRtaW46YWRtaW4=',
      `Bearer ${'a'.repeat(4000)}`,
      'bearer    x.y.z',
    );
  }, 30_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    stopWorker();
    await worker;
    await harness.close();
  });

  /** A path segment: a real id, any unicode string percent-encoded, a very long one, or a nasty raw one. */
  const segment = (real: readonly string[]) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...real) },
      {
        weight: 3,
        arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1 }).map(encodeURIComponent) },
      { weight: 1, arbitrary: fc.integer({ min: 129, max: 3000 }).map((n) => 'x'.repeat(n)) },
      { weight: 3, arbitrary: fc.constantFrom(...NASTY_SEGMENTS) },
    );

  const body = fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 3, arbitrary: fc.constantFrom(...SAMPLE_BODIES).map((value) => JSON.stringify(value)) },
    {
      weight: 2,
      arbitrary: fc
        .dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)))
        .map((value) => JSON.stringify(value)),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"result":',
        '{"result":{"__proto__":{"admin":true}}}',
        '{"a":1}{"b":2}',
        '\uFEFF{}',
        'null',
        '',
        '   ',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(deepJson(5_000), deepJson(100)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(200_000, 1_100_000)
        .map((n) => JSON.stringify({ reason: 'x'.repeat(n), result: { note: '字'.repeat(n / 10) } })),
    },
  );

  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/json; charset=bogus',
    'application/json; charset="utf-16"',
    'application/problem+json',
    'application/yaml',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    '*/*',
    'json',
    '',
  );

  /** Headers, built once the tokens exist. */
  const headersArb = () =>
    fc.record(
      {
        authorization: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...tokens) },
          { weight: 2, arbitrary: fc.constantFrom(...badTokens) },
          { weight: 1, arbitrary: headerText(60) },
        ),
        'content-type': fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, contentType),
        'idempotency-key': fc.oneof(
          headerText(40),
          fc.constantFrom('', ' ', 'k-1', 'x'.repeat(201), 'x'.repeat(5000), '../../k', "k'; DROP"),
        ),
        'content-encoding': fc.oneof(
          { weight: 3, arbitrary: fc.constant('identity') },
          fc.constantFrom('gzip', 'br', 'deflate, gzip', 'bogus'),
        ),
        'x-request-id': headerText(200),
        accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'),
      },
      { requiredKeys: ['authorization'] },
    );

  const query = fc
    .array(
      fc.tuple(
        fc.constantFrom('pageSize', 'pageToken', 'region', 'department', 'stage', 'overdue', 'idleFor', 'x'),
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 30 }),
          fc.constantFrom('0', '-1', '501', '1e9', 'NaN', "' OR 1=1", 'P1D', 'PT', 'P99999999999D', '440104'),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) =>
      pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`,
    );

  function urlOf(route: Route, ids: Record<string, string>, search: string): string {
    return `${route.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x')}${search}`;
  }

  async function send(sent: Sent): Promise<request.Response> {
    const call = sent.method === 'get' ? request(base).get(sent.url) : request(base).post(sent.url);
    for (const [name, value] of Object.entries(sent.headers)) call.set(name, value);
    return sent.body === undefined ? call : call.send(sent.body);
  }

  function checkAnswer(sent: Sent, response: request.Response): void {
    const where = `${sent.method.toUpperCase()} ${sent.url.slice(0, 200)} -> ${response.status}`;
    if (response.status >= 500) {
      throw new Error(
        `${where} ${response.text.slice(0, 300)} headers=${JSON.stringify(sent.headers).slice(0, 300)}`,
      );
    }
    if (response.status >= 400 && sent.url.startsWith('/open311/')) {
      if (!isGeoReportErrorList(response)) throw new Error(`${where} is not a GeoReport error list`);
      return;
    }
    if (
      response.status >= 400 &&
      !String(response.headers['content-type']).startsWith('application/problem+json')
    ) {
      throw new Error(`${where} is not a problem: ${String(response.headers['content-type'])}`);
    }
  }

  /** Open311 answers errors in its own format: `[{ code, description }]`, or `<errors><error>…` in XML. */
  function isGeoReportErrorList(response: request.Response): boolean {
    const type = String(response.headers['content-type']);
    if (type.startsWith('text/xml')) return /^<\?xml[^>]*\?>\s*<errors>\s*<error>/.test(response.text);
    const body: unknown = response.body;
    return (
      type.startsWith('application/json') &&
      Array.isArray(body) &&
      body.length > 0 &&
      body.every((item) => typeof item?.code === 'number' && typeof item?.description === 'string')
    );
  }

  it('covers every route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContainEqual({ method: 'post', path: '/v1/cases/{caseId}/steps/{stepId}/complete' });
  });

  it('follows a real nextPageToken and refuses a made-up one with a 400 problem', async () => {
    const admin = tokens[tokens.length - 1]!;
    const first = await eventually(async () => {
      const page = await request(base).get('/v1/supervision/stalled?pageSize=1').set('Authorization', admin);
      return typeof page.body.nextPageToken === 'string' ? page : undefined;
    }, 'two open cases in visibility');
    const next = await request(base)
      .get(
        `/v1/supervision/stalled?pageSize=1&pageToken=${encodeURIComponent(first.body.nextPageToken as string)}`,
      )
      .set('Authorization', admin);
    expectStatus(next, 200, 'second page');
    for (const made of [
      '1e9',
      'P1D',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('{"RunID":5}').toString('base64url'),
    ]) {
      const refused = await request(base)
        .get(`/v1/departments/yuexiu-sanitation/tasks?pageToken=${made}`)
        .set('Authorization', admin);
      expect([refused.status, refused.headers['content-type']]).toEqual([
        400,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    }
  });

  it('never answers a 5xx or a non-problem error to random ids, bodies, headers and tokens', async () => {
    const ids = {
      caseId: segment([caseId, 'NO-SUCH-CASE']),
      stepId: segment(['handle', 'verify', 'check', 'no-such-step']),
      dept: segment(['yuexiu-sanitation', 'tianhe-sanitation']),
      flowId: segment(['urban.exposed-garbage', 'hotline.12345-complaint']),
      version: segment(['1', '2', '0', '-1', '1.5', '99999999999999999999']),
      format: segment(['xml', 'json']),
      service_code: segment(['exposed-garbage', 'potholes']),
      service_request_id: segment([caseId, 'NO-SUCH-CASE']),
      token: segment(['t-1']),
    };
    const headers = headersArb();
    const statuses = new Map<number, number>();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.record(ids),
          query,
          headers,
          body,
          async (chosen, search, sentHeaders, payload) => {
            const sent: Sent = {
              method: route.method,
              url: urlOf(route, chosen, route.method === 'get' ? search : ''),
              headers: Object.fromEntries(
                Object.entries(sentHeaders).filter(
                  ([name]) => route.method === 'post' || name !== 'content-type',
                ),
              ) as Record<string, string>,
              ...(route.method === 'post' ? { body: payload } : {}),
            };
            const response = await send(sent);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            checkAnswer(sent, response);
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
    }
    const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(routes.length * RUNS);
    // The engine path was exercised: some requests got through authentication and validation to the case.
    expect([...statuses.keys()].filter((status) => status < 300).length).toBeGreaterThan(0);
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 401, 403, 404]));
  }, 90_000);
});
