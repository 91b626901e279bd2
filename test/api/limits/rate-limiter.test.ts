import express from 'express';
import request from 'supertest';
import { authenticate } from '../../../api/auth/authenticate';
import { mintToken } from '../../../api/auth/mint-token';
import { createTokenVerifier } from '../../../api/auth/token-verifier';
import { createRateLimiter } from '../../../api/limits/rate-limiter';
import { createProblemHandler } from '../../../api/problems/problem-handler';
import { createTestLogger } from '../support/test-logger';

const SECRET = 'test-secret-that-is-long-enough-for-hs256!';

function buildApp(withAuth: boolean) {
  const app = express();
  if (withAuth) app.use(authenticate(createTokenVerifier({ secret: SECRET })));
  app.use(createRateLimiter({ limit: 2, windowMs: 60_000 }));
  app.get('/ping', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(createProblemHandler({ logger: createTestLogger().logger }));
  return app;
}

const bearer = async (sub: string) =>
  `Bearer ${await mintToken(SECRET, { sub, role: 'admin' }, { expiresIn: '1h' })}`;

describe('createRateLimiter', () => {
  it('answers 429 as problem+json with Retry-After once a token subject is over its limit', async () => {
    const app = buildApp(true);
    const alice = await bearer('alice');
    await request(app).get('/ping').set('Authorization', alice).expect(200);
    await request(app).get('/ping').set('Authorization', alice).expect(200);
    const res = await request(app).get('/ping').set('Authorization', alice).expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/too-many-requests',
      status: 429,
      instance: '/ping',
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.headers['ratelimit-policy']).toBeDefined();
  });

  it('counts each token subject apart, even from the same address', async () => {
    const app = buildApp(true);
    const alice = await bearer('alice');
    for (let i = 0; i < 3; i++) await request(app).get('/ping').set('Authorization', alice);
    await request(app)
      .get('/ping')
      .set('Authorization', await bearer('bob'))
      .expect(200);
  });

  it('falls back to the client address when there is no actor', async () => {
    const app = buildApp(false);
    await request(app).get('/ping').expect(200);
    await request(app).get('/ping').expect(200);
    await request(app).get('/ping').expect(429);
  });
});
