/**
 * Starts the HTTP API: loads the service data, connects (lazily, through Core's client) to Temporal, builds the app and listens.
 * Shared by `api/server.ts` (production) and `scripts/dev.ts`.
 */
import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config';
import { loadServiceData, type ServiceData } from '../config/load-service-data';
import { loadApiKeys } from '../config/open311/load-api-keys';
import type { TemporalConnectionSettings } from '../config/temporal-connection';
import { createApp } from './app';
import { createHttpMetrics } from './operations/http-metrics';
import { createTokenVerifier } from './auth';
import { createCaseGateway, type CaseGateway } from './cases/case-gateway';
import { createTemporalHealthCheck } from './operations/temporal-health-check';
import { createApiRouters } from './create-api-routers';
import { createClientErrorHandler } from './problems';
import { createApiKeyStore } from './open311/api-keys';
import { createWebAppRouter, webAppAuthConfig, WEB_DIST_DIR } from './web/web-app-router';
import { openLedger, type Ledger } from '../ledger';
import { usePublishedCalendars } from './cases/published-calendars';
import { followPublishedFlows } from './cases/published-flows';
import { LazyCoreConnection } from './temporal/core-connection';
import { stopHttpServer } from './stop-http-server';

/**
 * How long a stopping API lets the requests in flight finish before it closes their connections: past an action's
 * default deadline (CASE_ACTION_UPDATE_TIMEOUT_MS, 10 s), within the 30 s an orchestrator waits by default.
 */
const IN_FLIGHT_GRACE_MS = 20_000;

export interface RunningApi {
  url: string;
  gateway: CaseGateway;
  service: ServiceData;
  /** Stops taking connections, answers the requests in flight (cut off after 20 s), then closes what it opened. */
  close(): Promise<void>;
}

/** Listens on `config.http`; resolves once the port is bound. */
export async function startApi(
  config: Config,
  logger: Logger,
  temporal: TemporalConnectionSettings,
  /** The ledger to read; opened from `config.ledger` (and closed with the API) when not given. */
  sharedLedger?: Ledger,
): Promise<RunningApi> {
  const service = await loadServiceData(config.data);
  const ledger = sharedLedger ?? (await openLedger(config.ledger));
  for (const calendar of await usePublishedCalendars(ledger, service.calendars)) {
    logger.warn(
      { calendar },
      'Calendar file differs from its latest published revision, which new cases use: publish the file to apply it',
    );
  }
  // The flow versions published through the API, beside the files (each request that needs them catches up too).
  await followPublishedFlows(ledger, service.flows, service.validation, logger).catchUp();
  const apiKeys = createApiKeyStore(await loadApiKeys(config.open311.apiKeysPath, service.directory));
  // Core's client, connected on first use: the API starts (and answers /readyz with 503) even while Temporal is down.
  const connection = new LazyCoreConnection(temporal.connectionOptions);
  const client = new Client({ connection, namespace: temporal.namespace });
  const gateway = createCaseGateway(client, config.taskQueue, {
    queryTimeoutMs: config.caseReadQueryTimeoutMs,
    actionTimeoutMs: config.caseActionUpdateTimeoutMs,
  });
  const verifier = createTokenVerifier({
    secret: config.auth.jwtSecret,
    jwksUrl: config.auth.jwksUrl,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  const metrics = createHttpMetrics();
  const app = createApp({
    logger,
    metrics,
    checkTemporal: createTemporalHealthCheck(connection),
    calendars: service.calendars,
    routers: [
      createWebAppRouter({ distDir: WEB_DIST_DIR, auth: webAppAuthConfig(config.auth) }),
      ...createApiRouters({ gateway, ledger, service, verifier, logger, config, apiKeys }),
    ],
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.http.port, config.http.host, () => resolve(listening));
    listening.once('error', reject);
    listening.on('clientError', createClientErrorHandler(logger, metrics));
  });
  return {
    url: `http://${config.http.host}:${config.http.port}`,
    gateway,
    service,
    async close() {
      await stopHttpServer(server, IN_FLIGHT_GRACE_MS);
      await connection.close();
      if (sharedLedger === undefined) await ledger.close();
    },
  };
}
