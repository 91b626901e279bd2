import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { yamlAliasBomb } from '../../helpers/hostile-documents';
import { bearer, createFakeApp, createFakeGateway } from './fake-api';

const GARBAGE = readFileSync(path.resolve(__dirname, '../../../flows/urban-exposed-garbage.yaml'), 'utf8');

describe('POST /v1/flows/validate', () => {
  let app: Express;
  beforeAll(async () => {
    app = await createFakeApp(createFakeGateway().gateway);
  });

  it('accepts a valid YAML flow', async () => {
    const response = await request(app)
      .post('/v1/flows/validate')
      .set('Authorization', await bearer('designer'))
      .set('Content-Type', 'application/yaml')
      .send(GARBAGE);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ valid: true });
  });
});

/** What validation and publication refuse alike, before anything is stored: the same reading of the same text. */
describe.each(['/v1/flows/validate', '/v1/flows'])('POST %s refusing a flow', (route) => {
  let app: Express;
  beforeAll(async () => {
    app = await createFakeApp(createFakeGateway().gateway);
  });

  it('answers 422 with located problems for an invalid YAML flow', async () => {
    const broken = GARBAGE.replace('id: handle', 'id: handle\n    bogus: 1');
    const response = await request(app)
      .post(route)
      .set('Authorization', await bearer('designer'))
      .set('Content-Type', 'application/yaml')
      .send(broken);
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors[0]).toEqual(
      expect.objectContaining({
        path: expect.any(String),
        line: expect.any(Number),
        message: expect.any(String),
      }),
    );
  });

  it('locates problems of a JSON flow in the text that was sent', async () => {
    const text = '{\n  "id": "x",\n  "version": "one"\n}';
    const response = await request(app)
      .post(route)
      .set('Authorization', await bearer('admin'))
      .set('Content-Type', 'application/json')
      .send(text);
    expect(response.status).toBe(422);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ path: 'version', line: 3 }));
  });

  it('answers 422 for JSON that does not parse, and 415 for other media types', async () => {
    const auth = await bearer('designer');
    const broken = await request(app)
      .post(route)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"id":');
    expect(broken.status).toBe(422);
    const text = await request(app)
      .post(route)
      .set('Authorization', auth)
      .set('Content-Type', 'text/plain')
      .send('id: x');
    expect(text.status).toBe(415);
  });

  it('is for designers and admins only', async () => {
    const response = await request(app)
      .post(route)
      .set('Authorization', await bearer('sanitation'))
      .set('Content-Type', 'application/yaml')
      .send(GARBAGE);
    expect(response.status).toBe(403);
  });

  it.each([
    ['application/json', '['.repeat(5_000) + ']'.repeat(5_000)],
    ['application/yaml', '['.repeat(5_000) + ']'.repeat(5_000)],
  ])('answers a 4xx problem, not a 500, to %s nested 5,000 levels deep', async (type, body) => {
    const response = await request(app)
      .post(route)
      .set('Authorization', await bearer('designer'))
      .set('Content-Type', type)
      .send(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers a YAML alias bomb with a located flow problem, not a 500', async () => {
    const response = await request(app)
      .post(route)
      .set('Authorization', await bearer('designer'))
      .set('Content-Type', 'application/yaml')
      .send(yamlAliasBomb());
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: '', message: 'too many alias expansions (more than 100): write the values out instead' },
    ]);
  });
});
