/**
 * Hostile and malformed input the random robustness test does not reach, over the real app and dev server, each
 * once a 500 or a misleading answer: names every object has (`toString`, `__proto__`) where the API looks up a
 * flow's own names, a YAML alias bomb, Open311 coordinates that `Number` reads as 0, JSON that is not an object;
 * schema problems worded for people (`is required`), not in zod's words (`Invalid input: expected string, …`).
 */
import pino from 'pino';
import request from 'supertest';
import { createApiKeyStore, hashApiKey } from '../../../api/open311/api-keys';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { yamlAliasBomb } from '../../helpers/hostile-documents';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import { bearer, INTAKE, startHttpHarness, SUPERVISOR, type HttpHarness } from '../support/http-case-harness';

const API_KEY = 'hostile-input-test-key-0123456789abcdef';
/** In the outline of 大塘社区第1网格 (config/directory.yaml). */
const AT_DATANG_GRID_1 = { lat: '23.124', long: '113.2695' };
const INHERITED_NAMES = ['toString', '__proto__', 'constructor', 'hasOwnProperty'] as const;
const DESIGNER = { sub: 'designer-1', role: 'designer' } as const;

describe('hostile input the API answers with a 4xx naming the problem', () => {
  let harness: HttpHarness;

  beforeAll(async () => {
    const apiKeys = createApiKeyStore([
      { sub: 'open311-hostile-app', region: '440100', sha256: hashApiKey(API_KEY) },
    ]);
    harness = await startHttpHarness(pino({ level: 'silent' }), { apiKeys });
  });
  afterAll(() => harness.close());

  it.each(INHERITED_NAMES)(
    'refuses the profile %s, a name every object has, and starts no case',
    async (name) => {
      const caseId = uniqueCaseId('PROFILE');
      const auth = await bearer(INTAKE);
      const start = await request(harness.app)
        .post('/v1/cases')
        .set('Authorization', auth)
        .send({ caseId, ...REFERENCE_CASES['urban.exposed-garbage']!.fields, profile: name });
      expect([start.status, start.body.errors]).toEqual([
        422,
        [{ path: 'profile', message: `flow 'urban.exposed-garbage' has no profile '${name}'` }],
      ]);
      const read = await request(harness.app).get(`/v1/cases/${caseId}`).set('Authorization', auth);
      expect(read.status).toBe(404);
    },
  );

  it.each(INHERITED_NAMES)('explains no flow under the profile %s', async (name) => {
    const response = await request(harness.app)
      .get('/v1/flows/urban.exposed-garbage/explanation')
      .query({ start: '2026-03-06T16:30:00+08:00', profile: name })
      .set('Authorization', await bearer(DESIGNER));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'profile', message: expect.stringContaining(`has no profile '${name}'`) },
    ]);
  });

  it('answers a YAML alias bomb sent for validation with a located flow problem, not a 500', async () => {
    const response = await request(harness.app)
      .post('/v1/flows/validate')
      .set('Authorization', await bearer(DESIGNER))
      .set('Content-Type', 'application/yaml')
      .send(yamlAliasBomb());
    expect([response.status, response.headers['content-type']]).toEqual([
      422,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    expect(response.body.errors).toEqual([
      { path: '', message: 'too many alias expansions (more than 100): write the values out instead' },
    ]);
  });

  it('says a JSON body that is not an object must be one, rather than that it is not JSON', async () => {
    const auth = await bearer(INTAKE);
    for (const body of ['"a case"', '42', 'null', 'true']) {
      const response = await request(harness.app)
        .post('/v1/cases')
        .set('Authorization', auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expect([response.status, response.body.type, response.body.detail]).toEqual([
        400,
        'https://fullcycle.dev/problems/invalid-json',
        'The request body must be a JSON object',
      ]);
    }
    const broken = await request(harness.app)
      .post('/v1/cases')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"flowId":');
    expect(broken.body.detail).toBe('The request body is not valid JSON');
  });

  it('words schema problems as the form checks do, and keeps the messages the schemas give', async () => {
    const started = await request(harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(INTAKE))
      .send({ caseId: 'no spaces allowed', priority: 'high', title: 7 });
    expect([started.status, started.body.errors]).toEqual([
      400,
      expect.arrayContaining([
        { path: 'flowId', message: 'is required' },
        { path: 'data', message: 'is required' },
        { path: 'priority', message: 'must be one of normal, urgent' },
        { path: 'title', message: 'must be a string' },
        { path: 'caseId', message: 'Letters, digits and . _ : - only' },
      ]),
    ]);

    const caseId = uniqueCaseId('WORDING');
    const auth = await bearer(INTAKE);
    const start = await request(harness.app)
      .post('/v1/cases')
      .set('Authorization', auth)
      .send({ caseId, ...REFERENCE_CASES['urban.exposed-garbage']!.fields });
    expect(start.status).toBe(201);
    const feedback = await request(harness.app)
      .post(`/v1/cases/${caseId}/feedback`)
      .set('Authorization', auth)
      .send({ satisfaction: 'great', comment: '' });
    expect([feedback.status, feedback.body.errors]).toEqual([
      400,
      expect.arrayContaining([
        { path: 'satisfaction', message: 'must be one of satisfied, basically-satisfied, unsatisfied' },
        { path: 'resolved', message: 'is required' },
      ]),
    ]);
    const emergency = await request(harness.app)
      .post(`/v1/cases/${caseId}/emergency`)
      .set('Authorization', await bearer(SUPERVISOR))
      .send({ level: 5, reason: '' });
    expect([emergency.status, emergency.body.errors]).toEqual([
      400,
      expect.arrayContaining([
        { path: 'level', message: 'must be at most 4' },
        { path: 'reason', message: 'must not be empty' },
      ]),
    ]);
    const metrics = await request(harness.app)
      .get('/v1/supervision/metrics')
      .query({ period: 'year', from: '2026-01-01' })
      .set('Authorization', await bearer(SUPERVISOR));
    expect([metrics.status, metrics.body.errors]).toEqual([
      400,
      expect.arrayContaining([
        { path: 'period', message: 'must be one of day, week, month, quarter' },
        { path: 'to', message: 'is required' },
      ]),
    ]);
  });

  it('refuses a body nested deeper than 64 levels with a 400, and starts the case nested 60 deep', async () => {
    const auth = await bearer(INTAKE);
    const start = (depth: number, caseId = uniqueCaseId('DEEP')) => {
      const { fields } = REFERENCE_CASES['urban.exposed-garbage']!;
      const hazards = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const data = JSON.stringify({ ...fields.data, hazards: 0 }).replace(
        '"hazards":0',
        `"hazards":${hazards}`,
      );
      const body = `{"caseId":"${caseId}","flowId":"${fields.flowId}","region":"${fields.region}","data":${data}}`;
      return request(harness.app)
        .post('/v1/cases')
        .set('Authorization', auth)
        .set('Content-Type', 'application/json')
        .send(body);
    };
    // 10,000 levels are 20 KB, well within the body limit: the start's request fingerprint ran out of stack (500).
    const deep = await start(10_000);
    expect([deep.status, deep.body.type, deep.body.detail]).toEqual([
      400,
      'https://fullcycle.dev/problems/bad-request',
      'The request body nests deeper than 64 levels',
    ]);
    expect((await start(60)).status).toBe(201);
  });

  it('refuses U+0000 in a text or a name of a JSON body, which a PostgreSQL ledger cannot store', async () => {
    const auth = await bearer(INTAKE);
    const { fields } = REFERENCE_CASES['urban.exposed-garbage']!;
    for (const [data, path] of [
      [{ ...fields.data, address: '北京路\u00001 号' }, 'data.address'],
      [{ ...fields.data, 'note\u0000': 'x' }, 'data.note\u0000'],
    ] as const) {
      const caseId = uniqueCaseId('NUL');
      const response = await request(harness.app)
        .post('/v1/cases')
        .set('Authorization', auth)
        .send({ ...fields, caseId, data });
      expect([response.status, response.body.type, response.body.errors]).toEqual([
        400,
        'https://fullcycle.dev/problems/validation',
        [{ path, message: 'must not contain the character U+0000 (NUL)' }],
      ]);
    }
    const open311 = await request(harness.app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({
        ...AT_DATANG_GRID_1,
        api_key: API_KEY,
        service_code: 'exposed-garbage',
        description: 'a\u0000b',
      });
    expect([open311.status, open311.body]).toEqual([
      400,
      [{ code: 400, description: 'description: must not contain the character U+0000 (NUL)' }],
    ]);
  });

  it('answers GeoReport XML that an XML parser reads, whatever characters the request echoes', async () => {
    const response = await request(harness.app).get('/open311/v2/services/a%01b%EF%BF%BEc.xml');
    expect(response.status).toBe(404);
    expect(response.text).toContain(
      '<description>service_code &apos;a\uFFFDb\uFFFDc&apos; was not found</description>',
    );
    expect(response.text).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  });

  it.each([
    ['blank', ' ', ' '],
    ['hexadecimal', '0x17', '0x71'],
  ])('refuses Open311 coordinates written %s, which Number would read as a point', async (_, lat, long) => {
    const response = await request(harness.app).post('/open311/v2/requests.json').type('form').send({
      api_key: API_KEY,
      service_code: 'exposed-garbage',
      lat,
      long,
      'attribute[category]': 'household',
    });
    expect([response.status, response.body]).toEqual([
      400,
      [
        { code: 400, description: 'lat: must be a latitude (WGS84) with long' },
        { code: 400, description: 'long: must be a longitude (WGS84) with lat' },
      ],
    ]);
  });
});
