/**
 * The real HTTP API over a benchmark ledger: the product routers (`createApiRouters`) with the shipped service
 * data, real token verification and the clock pinned to the made-up city's `now`, listening on a loopback port.
 * The ledger's reads never touch Temporal, so the case gateway is one that refuses every call.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../../api/app';
import { createTokenVerifier, mintToken, type Actor } from '../../../api/auth';
import type { CaseGateway } from '../../../api/cases/case-gateway';
import { createApiRouters } from '../../../api/create-api-routers';
import type { ServiceData } from '../../../config/load-service-data';
import type { Ledger } from '../../../ledger';

const SECRET = 'ledger-bench-secret-ledger-bench-secret-0123';

/** The ledger benchmark reads only the ledger; a call to Temporal would be a mistake in the benchmark. */
function refuse(): Promise<never> {
  return Promise.reject(new Error('The ledger benchmark has no Temporal behind its API'));
}
const NO_TEMPORAL: CaseGateway = {
  start: refuse,
  view: refuse,
  timeline: refuse,
  act: refuse,
  planMigration: refuse,
  startFlowMigration: refuse,
  flowMigration: refuse,
  startCalendarPublication: refuse,
  calendarPublication: refuse,
  closures: { closure: refuse, firstBatch: refuse },
};

export interface LedgerHttpApi {
  /** GETs `path` (with its query) as `actor`; resolves to the parsed JSON body, throws on a non-2xx answer. */
  get(path: string, actor: Actor): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts the API over `ledger` on a free loopback port. */
export async function startLedgerHttpApi(
  ledger: Ledger,
  service: ServiceData,
  now: number,
): Promise<LedgerHttpApi> {
  const logger = pino({ level: 'silent' });
  const routers = createApiRouters({
    gateway: NO_TEMPORAL,
    ledger,
    service,
    verifier: createTokenVerifier({ secret: SECRET }),
    logger,
    config: { http: { bodyLimit: '1mb' }, rateLimitPerMinute: 1_000_000 },
    now: () => now,
  });
  const app = createApp({ logger, checkTemporal: () => Promise.resolve(), routers });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (actor: Actor): Promise<string> => {
    const key = JSON.stringify(actor);
    if (!tokens.has(key)) tokens.set(key, mintToken(SECRET, actor, { expiresIn: '2h' }));
    return tokens.get(key)!;
  };
  return {
    async get(path, actor) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { authorization: `Bearer ${await tokenOf(actor)}`, accept: 'application/json' },
      });
      const body: unknown = await response.json();
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
