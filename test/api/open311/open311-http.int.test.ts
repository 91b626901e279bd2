import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { createApiKeyStore, hashApiKey } from '../../../api/open311/api-keys';
import {
  GeoReportErrorsSchema,
  GeoReportFiledRequestSchema,
  GeoReportServiceListSchema,
  GeoReportServiceRequestsSchema,
} from '../../../api/open311/open311-schemas';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import { withCaseWorker } from '../../helpers/temporal-test-env';
import { createTestLogger } from '../support/test-logger';
import { eventually } from '../../helpers/eventually';
import {
  expectStatus,
  HttpCaseDriver,
  isOpenTask,
  startHttpHarness,
  type HttpHarness,
} from '../support/http-case-harness';
import { firstOfEach, SPEC_ERRORS, SPEC_REQUESTS, xmlShape } from './georeport-spec-shapes';

const API_KEY = 'k'.repeat(8) + 'f3a9c0d2e4b6a8c1e3f5a7b9d1c3e5f7';
/** A second app's key: its Idempotency-Keys are its own. */
const OTHER_API_KEY = 'o'.repeat(8) + 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const BASE = '/open311/v2';
/** In the outline of 大塘社区第1网格 (config/directory.yaml). */
const AT_DATANG_GRID_1 = { lat: '23.124', long: '113.2695' };
const CITIZEN = {
  email: 'nana.ouyang@example.cn',
  phone: '13912345678',
  first_name: '娜娜',
  last_name: '欧阳',
  device_id: 'device-4f1e9a',
  account_id: 'account-77aa21',
};

type GeoRequest = Record<string, unknown>;
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'error'].includes(name) });

/** A form body as a GeoReport client sends it: `attribute[code]` and `attribute[code][]` for lists. */
function form(fields: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(name, item);
  }
  return params.toString();
}

const filing = (extra: Record<string, string | readonly string[]> = {}) =>
  form({
    api_key: API_KEY,
    service_code: 'exposed-garbage',
    ...AT_DATANG_GRID_1,
    description: '人行道上一堆生活垃圾，有异味',
    media_url: 'https://photos.example.cn/garbage-1.jpg',
    ...CITIZEN,
    'attribute[category]': 'household',
    'attribute[hazards][]': ['smell', 'blocking'],
    ...extra,
  });

describe('Open311 GeoReport v2 over HTTP, against the real worker', () => {
  const { logger, lines } = createTestLogger();
  let harness: HttpHarness;
  let driver: HttpCaseDriver;
  const answers: string[] = [];

  const post = async (format: 'xml' | 'json', body: string) => {
    const response = await request(harness.app)
      .post(`${BASE}/requests.${format}`)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8')
      .send(body);
    answers.push(response.text);
    return response;
  };
  const postOnce = async (format: 'xml' | 'json', body: string, key: string) => {
    const response = await request(harness.app)
      .post(`${BASE}/requests.${format}`)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8')
      .set('Idempotency-Key', key)
      .send(body);
    answers.push(response.text);
    return response;
  };
  const get = async (path: string) => {
    const response = await request(harness.app).get(`${BASE}/${path}`);
    answers.push(response.text);
    return response;
  };
  const readJson = async (id: string): Promise<GeoRequest> => {
    const response = await get(`requests/${id}.json`);
    expectStatus(response, 200, `GET requests/${id}.json`);
    GeoReportServiceRequestsSchema.parse(response.body); // served as documented (OpenAPI)
    return (response.body as GeoRequest[])[0]!;
  };
  const readXml = async (id: string): Promise<GeoRequest> => {
    const response = await get(`requests/${id}.xml`);
    expectStatus(response, 200, `GET requests/${id}.xml`);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(firstOfEach(xmlShape(response.text))).toEqual(firstOfEach(xmlShape(SPEC_REQUESTS)));
    return (xml.parse(response.text) as { service_requests: { request: GeoRequest[] } }).service_requests
      .request[0]!;
  };
  /** Completes the open tasks as their departments (handle and close leave public notes) until `done` holds. */
  const workUntil = async (caseId: string, done: () => Promise<boolean>) => {
    const flow = harness.service.flows.get('urban.exposed-garbage')!;
    const results = {
      handle: { done: true, note: '垃圾已清运，现场已冲洗' },
      close: { closed: true, note: '已结案，感谢您的反映' },
    };
    await eventually(
      async () => {
        if (await done()) return true;
        const view: CaseView = await driver.view(caseId);
        for (const step of view.steps.filter(isOpenTask)) {
          await driver.complete(caseId, flow, step, results[step.id as keyof typeof results]);
        }
        return false;
      },
      `${caseId} read as done`,
      { timeoutMs: 40_000 },
    );
  };

  beforeAll(async () => {
    const apiKeys = createApiKeyStore([
      { sub: 'open311-test-app', region: '440100', sha256: hashApiKey(API_KEY) },
      { sub: 'open311-other-app', region: '440100', sha256: hashApiKey(OTHER_API_KEY) },
    ]);
    harness = await startHttpHarness(logger, { apiKeys });
    driver = new HttpCaseDriver(harness.app, harness.service);
  });
  afterAll(() => harness.close());

  it('lists the exposed-garbage service and defines its attributes, in both formats', async () => {
    const services = await get('services.json');
    expect(services.status).toBe(200);
    GeoReportServiceListSchema.parse(services.body);
    expect(services.body).toEqual([
      expect.objectContaining({ service_code: 'exposed-garbage', metadata: true }),
    ]);
    const definition = await get('services/exposed-garbage.xml');
    expect(definition.text).toContain('<datatype>multivaluelist</datatype>');
    const discovery = await get('discovery.json');
    expect(discovery.body).toMatchObject({ endpoints: [{ url: expect.stringMatching(/\/open311\/v2$/) }] });
  });

  it('files a request with attributes and a list attribute, and follows it to closed with its status notes', async () => {
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        const jsonFiled = await post('json', filing());
        expectStatus(jsonFiled, 201, 'POST requests.json');
        const [created] = GeoReportFiledRequestSchema.parse(jsonFiled.body);
        const jsonId = String(created?.['service_request_id']);
        expect(created).toEqual({
          service_request_id: jsonId,
          service_notice: expect.stringContaining('监督员'),
          account_id: null,
        });
        expect(jsonFiled.headers['location']).toBe(`${BASE}/requests/${jsonId}.json`);

        const xmlFiled = await post('xml', filing({ 'attribute[hazards][]': ['sharp'] }));
        expectStatus(xmlFiled, 201, 'POST requests.xml');
        const xmlId = String(
          (xml.parse(xmlFiled.text) as { service_requests: { request: GeoRequest[] } }).service_requests
            .request[0]?.['service_request_id'],
        );

        // The case holds what was filed, the contact details included, in the grid the point lies in.
        const view = await driver.view(jsonId);
        expect(view).toMatchObject({
          flowId: 'urban.exposed-garbage',
          region: '440104001001001',
          data: {
            address: '大塘社区第1网格 (23.124, 113.2695)',
            category: 'household',
            hazards: ['smell', 'blocking'],
            latitude: 23.124,
            reporterPhone: CITIZEN.phone,
            reporterEmail: CITIZEN.email,
            reportedBy: 'citizen',
          },
        });
        expect((await driver.view(xmlId)).data['hazards']).toEqual(['sharp']);

        // A device without a position fix sends (0, 0): the address it also gave locates the request, not the point.
        const noFix = await post('json', filing({ lat: '0', long: '0', address_string: '北京路 1 号' }));
        expectStatus(noFix, 201, 'POST requests.json at (0, 0) with an address');
        const noFixId = String(GeoReportFiledRequestSchema.parse(noFix.body)[0]?.['service_request_id']);
        const noFixRecord = await readJson(noFixId);
        expect(noFixRecord).toMatchObject({ address: '北京路 1 号' });
        expect(noFixRecord['lat'] ?? null).toBeNull();

        expect(await readJson(jsonId)).toMatchObject({
          status: 'open',
          service_code: 'exposed-garbage',
          agency_responsible: '大塘社区第1网格监督员',
          lat: 23.124,
          long: 113.2695,
          media_url: 'https://photos.example.cn/garbage-1.jpg',
        });

        await workUntil(jsonId, async () => (await readJson(jsonId))['status'] === 'closed');
        expect(await readJson(jsonId)).toMatchObject({
          status: 'closed',
          status_notes: '已结案，感谢您的反映',
          agency_responsible: '越秀区城市管理监督指挥中心',
        });
        await workUntil(xmlId, async () => (await readXml(xmlId))['status'] === 'closed');
        expect(await readXml(xmlId)).toMatchObject({
          service_request_id: xmlId,
          status: 'closed',
          status_notes: '已结案，感谢您的反映',
          address: '大塘社区第1网格 (23.124, 113.2695)',
        });

        const both = await get(`requests.json?service_request_id=${jsonId},${xmlId},unknown-id`);
        expect((both.body as GeoRequest[]).map((item) => item['service_request_id']).sort()).toEqual(
          [jsonId, xmlId].sort(),
        );
        // Listings come from the case ledger: every field of the request, as GET requests/{id} shows it.
        const listed = await eventually(async () => {
          const answer = await get('requests.json?service_code=exposed-garbage&status=closed');
          const found = GeoReportServiceRequestsSchema.parse(answer.body);
          const ids = found.map((item) => item.service_request_id);
          return ids.includes(jsonId) && ids.includes(xmlId) ? found : undefined;
        }, 'both requests listed as closed');
        const listedJson = listed.find((item) => item.service_request_id === jsonId);
        expect(listedJson).toEqual(await readJson(jsonId));
        expect(listedJson).toMatchObject({
          status: 'closed',
          status_notes: '已结案，感谢您的反映',
          service_code: 'exposed-garbage',
          description: '人行道上一堆生活垃圾，有异味',
          address: '大塘社区第1网格 (23.124, 113.2695)',
          lat: 23.124,
          long: 113.2695,
          media_url: 'https://photos.example.cn/garbage-1.jpg',
          requested_datetime: view.createdAt,
        });
        const listedXml = await get(`requests.xml?service_code=exposed-garbage&status=closed`);
        expect(listedXml.text).toContain(`<service_request_id>${xmlId}</service_request_id>`);
        expect(listedXml.text).toContain('<status_notes>已结案，感谢您的反映</status_notes>');
        const open = await get('requests.json?status=open');
        expect((open.body as GeoRequest[]).map((item) => item['service_request_id'])).not.toContain(jsonId);
      },
      harness.activityDependencies,
    );

    // Personal data stays in the case: never in a GeoReport answer, never in a log line.
    const shown = answers.join('\n');
    const logged = lines()
      .map((line) => JSON.stringify(line))
      .join('\n');
    for (const value of Object.values(CITIZEN)) {
      expect(shown).not.toContain(value);
      expect(logged).not.toContain(value);
    }
    expect(logged).not.toContain(API_KEY);
  });

  it('files a request once per Idempotency-Key: a retry answers the same service_request_id, another form 409', async () => {
    // A repeat answers from the case (its view), so the case's worker runs as in any deployment.
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        const key = `retry-${Date.now()}-${Math.random()}`;
        const first = await postOnce('json', filing(), key);
        expectStatus(first, 201, 'first attempt');
        const id = (first.body as { service_request_id: string }[])[0]!.service_request_id;
        const retry = await postOnce('json', filing(), key);
        expect([retry.status, retry.body, retry.headers['location']]).toEqual([
          200,
          first.body,
          first.headers['location'],
        ]);
        const retryAsXml = await postOnce('xml', filing(), key);
        expect(retryAsXml.status).toBe(200);
        expect(retryAsXml.text).toContain(`<service_request_id>${id}</service_request_id>`);

        const changed = await postOnce('json', filing({ description: '另一处的垃圾' }), key);
        GeoReportErrorsSchema.parse(changed.body);
        expect([changed.status, changed.body]).toEqual([
          409,
          [{ code: 409, description: `Case '${id}' exists with a different request` }],
        ]);
        const changedAsXml = await postOnce('xml', filing({ 'attribute[category]': 'construction' }), key);
        expect(changedAsXml.status).toBe(409);
        expect(xml.parse(changedAsXml.text)).toMatchObject({ errors: { error: [{ code: '409' }] } });

        // One case: started once, each retry logged as a repeat.
        const about = lines().filter((line) => line['caseId'] === id);
        expect(about.map((line) => line['msg'])).toEqual([
          'Case started',
          'Case start repeated; nothing new started',
          'Case start repeated; nothing new started',
        ]);

        // The key is the api_key's own: another app's same key files its own request.
        const otherApp = await postOnce('json', filing({ api_key: OTHER_API_KEY }), key);
        expectStatus(otherApp, 201, 'another app, the same key');
        expect((otherApp.body as { service_request_id: string }[])[0]!.service_request_id).not.toBe(id);
      },
      harness.activityDependencies,
    );
  });

  it('files a request again for each POST without an Idempotency-Key, as GeoReport v2 does', async () => {
    const once = await post('json', filing());
    const twice = await post('json', filing());
    expect([once.status, twice.status]).toEqual([201, 201]);
    const ids = [once, twice].map(
      (response) => (response.body as { service_request_id: string }[])[0]!.service_request_id,
    );
    expect(new Set(ids).size).toBe(2);
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header', async () => {
    const response = await postOnce('json', filing(), 'k'.repeat(201));
    expect([response.status, response.body]).toEqual([
      400,
      [{ code: 400, description: expect.stringMatching(/^idempotency-key: /) }],
    ]);
  });

  it('refuses a missing or bad api_key with 403 in the specification error format', async () => {
    const bad = await post('xml', filing({ api_key: 'not-a-key-0123456789abcdef' }));
    expect(bad.status).toBe(403);
    expect(bad.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(firstOfEach(xmlShape(bad.text))).toEqual(firstOfEach(xmlShape(SPEC_ERRORS)));
    expect(xml.parse(bad.text)).toEqual({
      '?xml': '',
      errors: { error: [{ code: '403', description: 'api_key is not valid' }] },
    });
    const missing = await post('json', filing({ api_key: '' }));
    GeoReportErrorsSchema.parse(missing.body);
    expect({ status: missing.status, body: missing.body as unknown }).toEqual({
      status: 403,
      body: [{ code: 403, description: 'api_key is required' }],
    });
  });

  it('answers 404 for an unknown service or request, 400 naming a missing required attribute or a bad span', async () => {
    const unknown = await post('json', filing({ service_code: 'potholes' }));
    expect({ status: unknown.status, body: unknown.body as unknown }).toEqual({
      status: 404,
      body: [{ code: 404, description: "service_code 'potholes' was not found" }],
    });
    expect((await get('services/potholes.json')).status).toBe(404);
    expect((await get('requests/no-such-request.json')).status).toBe(404);

    const missing = await post('json', filing({ 'attribute[category]': '' }));
    expect({ status: missing.status, body: missing.body as unknown }).toEqual({
      status: 400,
      body: [{ code: 400, description: 'attribute[category]: is required' }],
    });
    const wrong = await post(
      'json',
      filing({ 'attribute[hazards][]': ['smell', 'fire'], 'attribute[colour]': 'red' }),
    );
    expect({ status: wrong.status, body: wrong.body as unknown }).toEqual({
      status: 400,
      body: [
        { code: 400, description: 'attribute[colour]: not an attribute of this service' },
        {
          code: 400,
          description: "attribute[hazards]: 'fire' not among the values (blocking, smell, sharp, water)",
        },
      ],
    });
    const nowhere = await post('json', filing({ lat: 'north' }));
    expect(nowhere.body).toEqual([{ code: 400, description: 'lat: must be a latitude (WGS84) with long' }]);
    const noFix = await post('json', filing({ lat: '0', long: '0.0' }));
    expect({ status: noFix.status, body: noFix.body as unknown }).toEqual({
      status: 400,
      body: [
        {
          code: 400,
          description:
            'lat, long: 0, 0 is no position (a device without a fix): give lat and long, address_string or address_id',
        },
      ],
    });

    const span = await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z');
    expect({ status: span.status, body: span.body as unknown }).toEqual({
      status: 400,
      body: [{ code: 400, description: 'start_date, end_date: may not span more than 90 days' }],
    });
    const notForm = await request(harness.app).post(`${BASE}/requests.json`).send({ api_key: API_KEY });
    expect(notForm.status).toBe(400);
    expect((await get('requests.csv')).status).toBe(404);
  });
});
