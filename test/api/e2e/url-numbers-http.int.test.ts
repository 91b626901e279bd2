/**
 * Numbers in URLs are read in plain decimal only: every numeric query and path parameter of the API, and the
 * Open311 coordinates, refuse the other spellings JavaScript's `Number` accepts (' 1' as 1, '0x10' as 16, '1e1' as
 * 10, '' as 0) with a 400 naming the parameter, and still take the plain ones.
 */
import request from 'supertest';
import type { Actor } from '../../../api/auth';
import { createApiKeyStore, hashApiKey } from '../../../api/open311/api-keys';
import { bearer, useHttpHarness } from '../support/http-case-harness';

const API_KEY = 'url-numbers-test-key-0123456789abcdef';
const ADMIN: Actor = { sub: 'admin-1', role: 'admin' };
const DESIGNER: Actor = { sub: 'designer-1', role: 'designer' };
const WHOLE_NUMBER = 'must be a whole number written in decimal digits, like 20';

/** Spellings `Number` reads as a number that are not plain decimal digits. */
const NOT_DECIMAL = [
  '0x10',
  ' 1',
  '1 ',
  '1e1',
  '+1',
  '1.0',
  '1.',
  '.5',
  '0b1',
  '0o7',
  'Infinity',
  '１',
  '1_0',
];

/** Each numeric URL parameter: its name, who may call, and the URL with the value in it. */
const PARAMETERS: readonly { name: string; actor: Actor; url: (value: string) => string }[] = [
  { name: 'pageSize', actor: ADMIN, url: (v) => `/v1/cases?pageSize=${v}` },
  { name: 'flowVersion', actor: ADMIN, url: (v) => `/v1/cases?flowVersion=${v}` },
  { name: 'pageSize', actor: ADMIN, url: (v) => `/v1/departments/yuexiu-sanitation/tasks?pageSize=${v}` },
  { name: 'pageSize', actor: ADMIN, url: (v) => `/v1/supervision/stalled?pageSize=${v}` },
  {
    name: 'version',
    actor: DESIGNER,
    url: (v) => `/v1/flows/urban.exposed-garbage/explanation?start=2026-03-06T16:30:00%2B08:00&version=${v}`,
  },
  { name: 'version', actor: DESIGNER, url: (v) => `/v1/flows/urban.exposed-garbage/versions/${v}` },
  { name: 'revision', actor: ADMIN, url: (v) => `/v1/calendars/cn-mainland/revisions/${v}` },
];

describe('numbers in URLs', () => {
  const live = useHttpHarness({
    apiKeys: createApiKeyStore([
      { sub: 'open311-url-numbers', region: '440100', sha256: hashApiKey(API_KEY) },
    ]),
  });

  it.each(PARAMETERS.map((parameter) => [parameter.url('…'), parameter] as const))(
    '%s refuses every spelling of a number but decimal digits with a 400 naming the parameter',
    async (_url, { name, actor, url }) => {
      const auth = await bearer(actor);
      const answers = [];
      for (const value of NOT_DECIMAL) {
        const response = await request(live.harness.app)
          .get(url(encodeURIComponent(value)))
          .set('Authorization', auth);
        answers.push([value, response.status, response.body.type, response.body.errors]);
      }
      expect(answers).toEqual(
        NOT_DECIMAL.map((value) => [
          value,
          400,
          'https://fullcycle.dev/problems/validation',
          [{ path: name, message: WHOLE_NUMBER }],
        ]),
      );
    },
  );

  it.each(PARAMETERS.map((parameter) => [parameter.url('1'), parameter] as const))(
    '%s takes the plain number',
    async (_url, { actor, url }) => {
      const response = await request(live.harness.app)
        .get(url('1'))
        .set('Authorization', await bearer(actor));
      // The calendar has no revision 1 published in this ledger: a 404 for the revision, not a 400 for the URL.
      expect(response.status).toBe(url('1').includes('/revisions/') ? 404 : 200);
    },
  );

  it('refuses a pageSize outside 1 to 500 as out of range', async () => {
    const response = await request(live.harness.app)
      .get('/v1/supervision/stalled?pageSize=0')
      .set('Authorization', await bearer(ADMIN));
    expect([response.status, response.body.errors]).toEqual([
      400,
      [{ path: 'pageSize', message: 'must be at least 1' }],
    ]);
  });

  it.each(['+23.124', '23.', '.5', '2.3124e1', '0x17', ' 23.124', '23,124'])(
    'refuses the Open311 latitude %j, which is not decimal degrees',
    async (lat) => {
      const response = await request(live.harness.app).post('/open311/v2/requests.json').type('form').send({
        api_key: API_KEY,
        service_code: 'exposed-garbage',
        lat,
        long: '113.2695',
        'attribute[category]': 'household',
      });
      expect([response.status, response.body]).toEqual([
        400,
        [{ code: 400, description: 'lat: must be a latitude (WGS84) with long' }],
      ]);
    },
  );
});
