import express from 'express';
import { SignJWT } from 'jose';
import request from 'supertest';
import { actorOf, authenticate } from '../../../api/auth/authenticate';
import { mintToken } from '../../../api/auth/mint-token';
import { requireRole } from '../../../api/auth/require-role';
import { createTokenVerifier } from '../../../api/auth/token-verifier';
import { createProblemHandler } from '../../../api/problems/problem-handler';
import { createTestLogger } from '../support/test-logger';

const SECRET = 'test-secret-that-is-long-enough-for-hs256!';

function buildApp() {
  const app = express();
  app.use(authenticate(createTokenVerifier({ secret: SECRET })));
  app.get('/me', (_req, res) => {
    res.json(actorOf(res));
  });
  app.post('/supervise', requireRole('supervisor', 'admin'), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(createProblemHandler({ logger: createTestLogger().logger }));
  return app;
}

const app = buildApp();
const bearer = async (claims: Parameters<typeof mintToken>[1], expiresIn: string | number = '1h') =>
  `Bearer ${await mintToken(SECRET, claims, { expiresIn })}`;

describe('authenticate', () => {
  it('returns 401 with a Bearer challenge when no token is sent', async () => {
    const res = await request(app).get('/me').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'https://fullcycle.dev/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'A bearer token is required',
      instance: '/me',
    });
  });

  it('returns 401 invalid_token when the header is not a bearer token', async () => {
    const res = await request(app).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.body.type).toBe('https://fullcycle.dev/problems/invalid-token');
  });

  it('returns 401 when the token is expired', async () => {
    const res = await request(app)
      .get('/me')
      .set('Authorization', await bearer({ sub: 'u1', role: 'admin' }, -60))
      .expect(401);
    expect(res.body.detail).toBe('The bearer token was rejected: token expired');
  });

  it('returns 401 when the token is signed with another secret', async () => {
    const token = await mintToken(
      'a-completely-different-secret-value!!',
      { sub: 'u1', role: 'admin' },
      { expiresIn: '1h' },
    );
    await request(app).get('/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  /** A token signed with the right secret over claims `mintToken` would refuse to sign. */
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));

  it.each([
    [
      'a sub holding NUL',
      { sub: 'u1\u0000admin', role: 'admin' },
      'the sub claim must not hold control characters',
    ],
    [
      'a sub holding a line break',
      { sub: 'u1\nforged log line', role: 'admin' },
      'the sub claim must not hold control characters',
    ],
    [
      'a sub holding DEL',
      { sub: 'u1\u007f', role: 'admin' },
      'the sub claim must not hold control characters',
    ],
    [
      'a sub holding an escape',
      { sub: '\u001b[31mu1', role: 'admin' },
      'the sub claim must not hold control characters',
    ],
    ['an empty sub', { sub: '', role: 'admin' }, 'the sub claim must not be empty'],
    ['a sub of spaces only', { sub: '   ', role: 'admin' }, 'the sub claim must not be empty'],
    [
      'a dept holding a tab',
      { sub: 'd1', role: 'department', dept: 'yuexiu\tsanitation' },
      'the dept claim must not hold control characters',
    ],
    ['an empty dept', { sub: 'd1', role: 'department', dept: '' }, 'the dept claim must not be empty'],
    [
      'a region holding a carriage return',
      { sub: 's1', role: 'supervisor', region: '440104\r' },
      'the region claim must not hold control characters',
    ],
    ['an empty region', { sub: 's1', role: 'intake', region: '' }, 'the region claim must not be empty'],
    [
      'a role holding a control character',
      { sub: 'a1', role: 'admin\u0000' },
      'the role claim must be one of intake, department, supervisor, designer, admin',
    ],
  ])('returns 401 for a token with %s, naming the claim', async (_name, claims, reason) => {
    const res = await request(app)
      .get('/me')
      .set('Authorization', `Bearer ${await signed(claims)}`);
    expect([res.status, res.headers['content-type'], res.body.type, res.body.detail]).toEqual([
      401,
      expect.stringMatching(/^application\/problem\+json/),
      'https://fullcycle.dev/problems/invalid-token',
      `The bearer token was rejected: ${reason}`,
    ]);
  });

  it('puts the verified actor on res.locals', async () => {
    const res = await request(app)
      .get('/me')
      .set('Authorization', await bearer({ sub: 'sup-1', role: 'supervisor', region: '440104' }))
      .expect(200);
    expect(res.body).toEqual({ sub: 'sup-1', role: 'supervisor', region: '440104' });
  });
});

describe('requireRole', () => {
  it('returns 403 for a valid token of another role', async () => {
    const res = await request(app)
      .post('/supervise')
      .set('Authorization', await bearer({ sub: 'd1', role: 'department', dept: 'yuexiu-sanitation' }))
      .expect(403);
    expect(res.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/role-not-allowed',
      status: 403,
      detail: 'This endpoint is for: supervisor, admin',
    });
  });

  it('lets a listed role through', async () => {
    await request(app)
      .post('/supervise')
      .set('Authorization', await bearer({ sub: 'a1', role: 'admin' }))
      .expect(200, { ok: true });
  });

  it('answers 401, not 403, when the token is missing', async () => {
    await request(app).post('/supervise').expect(401);
  });
});
