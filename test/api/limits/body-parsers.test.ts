import express from 'express';
import request from 'supertest';
import {
  createJsonBodyParser,
  createYamlBodyParser,
  JSON_MEDIA_TYPES,
  requireMediaType,
  YAML_MEDIA_TYPES,
} from '../../../api/limits/body-parsers';
import { createProblemHandler } from '../../../api/problems/problem-handler';
import { createTestLogger } from '../support/test-logger';

const app = express();
app.post('/json', requireMediaType(...JSON_MEDIA_TYPES), createJsonBodyParser(100), (req, res) => {
  res.json({ received: req.body ?? null });
});
app.post(
  '/flow',
  requireMediaType(...JSON_MEDIA_TYPES, ...YAML_MEDIA_TYPES),
  createJsonBodyParser(),
  createYamlBodyParser(200),
  (req, res) => {
    res.json({ kind: typeof req.body, received: req.body });
  },
);
app.use(createProblemHandler({ logger: createTestLogger().logger }));

describe('body parsers and limits', () => {
  it('reads a JSON body under the limit', async () => {
    await request(app)
      .post('/json')
      .send({ a: 1 })
      .expect(200, { received: { a: 1 } });
  });

  it('answers 413 for a JSON body over the limit', async () => {
    const res = await request(app)
      .post('/json')
      .send({ a: 'x'.repeat(200) })
      .expect(413);
    expect(res.body.type).toBe('https://fullcycle.dev/problems/payload-too-large');
  });

  it('answers 415 for a body of another media type', async () => {
    const res = await request(app).post('/json').set('Content-Type', 'text/plain').send('a=1').expect(415);
    expect(res.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/unsupported-media-type',
      status: 415,
    });
  });

  it('lets a request without a body through', async () => {
    await request(app).post('/json').expect(200, { received: null });
  });

  it('reads YAML as text where YAML is accepted, with its own limit', async () => {
    const yaml = 'id: urban.exposed-garbage\nversion: 1\n';
    await request(app)
      .post('/flow')
      .set('Content-Type', 'application/yaml')
      .send(yaml)
      .expect(200, { kind: 'string', received: yaml });
    await request(app)
      .post('/flow')
      .set('Content-Type', 'application/yaml')
      .send('a: 1\n'.repeat(100))
      .expect(413);
  });
});
