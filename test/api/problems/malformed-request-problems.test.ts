import express from 'express';
import request from 'supertest';
import { createProblemHandler, notFoundHandler } from '../../../api/problems/problem-handler';
import { createTestLogger } from '../support/test-logger';

/** A JSON route and a route with a path parameter, with the real problem handler behind them. */
function buildApp() {
  const log = createTestLogger();
  const app = express();
  app.post('/body', express.json(), (req, res) => {
    res.json(req.body);
  });
  app.get('/cases/:caseId', (req, res) => {
    res.json({ caseId: req.params.caseId });
  });
  app.use(notFoundHandler);
  app.use(createProblemHandler({ logger: log.logger }));
  return { app, lines: log.lines };
}

describe('requests the parsers cannot read', () => {
  it('returns a 400 problem for a gzip-encoded body that is not gzip', async () => {
    const { app, lines } = buildApp();
    const res = await request(app)
      .post('/body')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"not":"gzip"}');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(lines().filter((line) => line['level'] === 50)).toEqual([]);
  });

  it.each(['%ZZ', '%E0%A4%A', '%'])('returns a 400 problem for the path parameter %s', async (raw) => {
    const { app } = buildApp();
    const res = await request(app).get(`/cases/${raw}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe('The request path is not valid percent-encoding');
  });
});
