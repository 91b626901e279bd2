/**
 * Rate limits as an integration sees them, over the real app configured from the environment the way
 * `npm run api` configures it: the default that fits one token per system, overrides by token and by role, and
 * the 429 answer (problem+json, Retry-After, RateLimit headers).
 */
import { openLedger } from '../../../ledger';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../api/app';
import { createTokenVerifier, mintToken, type Actor } from '../../../api/auth';
import { createApiRouters } from '../../../api/create-api-routers';
import { loadConfig } from '../../../config/load-config';
import { serviceData } from '../../helpers/case-fixtures';
import { createFakeGateway } from '../routes/fake-api';
import { createTestLogger } from '../support/test-logger';

const SECRET = 'rate-limit-secret-rate-limit-secret-01';
const GATEWAY: Actor = { sub: 'gateway-12345', role: 'admin' };
const DESIGNER: Actor = { sub: 'designer-1', role: 'designer' };
const OTHER_DESIGNER: Actor = { sub: 'designer-2', role: 'designer' };

let servers: Server[] = [];

/** Starts the app configured from `env` (plus the JWT secret) on a free port; returns its base URL. */
async function startApp(env: NodeJS.ProcessEnv): Promise<string> {
  const config = loadConfig({ ...env, AUTH_JWT_SECRET: SECRET }, 'api');
  const { logger } = createTestLogger();
  const routers = createApiRouters({
    gateway: createFakeGateway().gateway,
    ledger: await openLedger({ file: ':memory:' }),
    service: await serviceData(),
    verifier: createTokenVerifier({ secret: SECRET }),
    logger,
    config,
  });
  const server = createServer(createApp({ logger, checkTemporal: () => Promise.resolve(), routers }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** `count` reads of the flow list as `actor`, `parallel` at a time; the answers in order. */
async function readFlows(url: string, actor: Actor, count: number, parallel = 1): Promise<Answer[]> {
  const authorization = `Bearer ${await mintToken(SECRET, actor, { expiresIn: '10m' })}`;
  const responses: Answer[] = [];
  for (let sent = 0; sent < count; sent += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - sent) }, () =>
      fetch(`${url}/v1/flows`, { headers: { authorization } }).then(async (response) => ({
        status: response.status,
        headers: response.headers,
        body: await response.json(),
      })),
    );
    responses.push(...(await Promise.all(batch)));
  }
  return responses;
}

const statuses = (responses: readonly Answer[]): number[] => responses.map((response) => response.status);

afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

describe('rate limits over the real app', () => {
  it('lets one integration token send a burst over the old default of 600 a minute and states its quota', async () => {
    const url = await startApp({});
    const responses = await readFlows(url, GATEWAY, 700, 50);
    expect(new Set(statuses(responses))).toEqual(new Set([200]));
    const last = responses.at(-1)!;
    expect(last.headers.get('ratelimit-policy')).toMatch(/q=30000; w=60/);
    expect(last.headers.get('ratelimit')).toMatch(/r=29300\b/);
  });

  it("applies a token's own limit over its role's, and its role's over the default", async () => {
    const url = await startApp({ RATE_LIMITS: 'role:designer=3,sub:designer-1=5' });
    expect(statuses(await readFlows(url, DESIGNER, 6))).toEqual([200, 200, 200, 200, 200, 429]);
    expect(statuses(await readFlows(url, OTHER_DESIGNER, 4))).toEqual([200, 200, 200, 429]);
    expect(statuses(await readFlows(url, GATEWAY, 10))).toEqual(Array(10).fill(200));
  });

  it('answers 429 as problem+json with Retry-After and the RateLimit headers', async () => {
    const url = await startApp({ RATE_LIMIT_PER_MINUTE: '2' });
    const [, , refused] = await readFlows(url, GATEWAY, 3);
    expect(refused!.status).toBe(429);
    expect(refused!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused!.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/too-many-requests',
      title: 'Too many requests',
      status: 429,
      instance: '/v1/flows',
    });
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(refused!.headers.get('ratelimit-policy')).toMatch(/q=2; w=60/);
    expect(refused!.headers.get('ratelimit')).toMatch(/r=0; t=\d+/);
  });
});
