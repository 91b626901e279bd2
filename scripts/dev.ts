/**
 * `npm run dev`: the whole engine in one process with demo data — a Temporal dev server persisting to `.data/`
 * (with the Web UI), the case worker, the HTTP API and stand-in departmental systems. Ctrl-C stops all of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { mintToken } from '../api/auth';
import { generateApiKey, hashApiKey } from '../api/open311/api-keys';
import { startApi } from '../api/start-api';
import { stopOnSignals, type StoppableProcess } from '../api/stop-on-signals';
import { createLogger } from '../config/create-logger';
import { loadConfig, type Config } from '../config/load-config';
import { apiKeyEntryYaml } from '../config/open311/api-key-entry-yaml';
import { createLedgerWriter, openLedger } from '../ledger';
import { createCaseWorker, WORKER_PROCESS_SHUTDOWN } from '../worker/create-case-worker';
import { startWorkerClosureReconciler } from '../worker/start-closure-reconciler';
import { serveMetrics } from '../worker/metrics-server';
import { PinoTemporalLogger } from '../config/pino-temporal-logger';
import { seedDemoCases } from './dev/demo-cases';
import { appUrlOf, signInLink } from './dev/sign-in-links';
import { ensureWebAppBuilt } from './web/build-web-app';
import { startDemoSystemsServer } from './dev/demo-systems-server';
import { assertPortFree, startDevServer } from './temporal/dev-server';

/** A secret kept in the data folder (made by `create` the first time), so that it stays valid across restarts. */
async function devSecret(dataDir: string, name: string, create: () => string): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = create();
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** The demo Open311 api_key, and the api_keys file holding only its hash (filing as open311-demo, city-wide). */
async function devOpen311Key(dataDir: string): Promise<{ key: string; keysPath: string }> {
  const key = await devSecret(dataDir, 'dev-open311-api-key', generateApiKey);
  const keysPath = path.join(dataDir, 'open311-api-keys.yaml');
  const entry = apiKeyEntryYaml({ sub: 'open311-demo', region: '440100', sha256: hashApiKey(key) });
  await writeFile(keysPath, `# Written by npm run dev: the demo api_key's hash only.\nkeys:\n${entry}\n`, {
    mode: 0o600,
  });
  return { key, keysPath };
}

function temporalPort(address: string | undefined): number {
  const port = Number(address?.split(':').at(-1));
  return Number.isInteger(port) && port > 0 ? port : 7233;
}

async function demoTokens(secret: string): Promise<Record<string, string>> {
  const hours = { expiresIn: '12h' };
  return {
    'intake (越秀区)': await mintToken(secret, { sub: 'seat-01', role: 'intake', region: '440104' }, hours),
    'department (datang-grid-1-inspector)': await mintToken(
      secret,
      { sub: 'inspector-01', role: 'department', dept: 'datang-grid-1-inspector' },
      hours,
    ),
    'supervisor (越秀区 440104)': await mintToken(
      secret,
      { sub: 'sup-01', role: 'supervisor', region: '440104' },
      hours,
    ),
    designer: await mintToken(secret, { sub: 'designer-01', role: 'designer' }, hours),
    admin: await mintToken(secret, { sub: 'admin-01', role: 'admin' }, hours),
  };
}

async function main(): Promise<void> {
  const baseConfig = loadConfig({ LOG_PRETTY: 'true', ...process.env }, 'dev');
  const secret =
    baseConfig.auth.jwtSecret ??
    (await devSecret(baseConfig.dev.dataDir, 'dev-jwt-secret', () => randomBytes(32).toString('hex')));
  const open311 = await devOpen311Key(baseConfig.dev.dataDir);
  const config = loadConfig(
    {
      LOG_PRETTY: 'true',
      OPEN311_API_KEYS_PATH: open311.keysPath,
      ...process.env,
      AUTH_JWT_SECRET: secret,
    },
    'api',
  );
  const logger = createLogger(config, 'fullcycle');
  Runtime.install({
    logger: new PinoTemporalLogger(logger.child({ component: 'temporal' })),
    shutdownSignals: [],
  });
  const running = start(config, logger, secret, open311.key);
  // Before the start completes: Ctrl-C (or SIGTERM) while it starts stops everything once it has started.
  stopOnSignals(running, logger);
  await running;
}

/** Starts the dev server, the worker, the API and the demo systems, seeds the demo cases; answers how to stop it all. */
async function start(
  config: Config,
  logger: Logger,
  secret: string,
  open311Key: string,
): Promise<StoppableProcess> {
  await assertPortFree(config.http.port, 'HTTP API, HTTP_PORT');
  await assertPortFree(config.dev.demoSystemsPort, 'demo departmental systems, DEMO_SYSTEMS_PORT');
  await assertPortFree(config.workerMetricsPort, 'worker metrics, WORKER_METRICS_PORT');
  // The web app builds (only when its sources changed, in seconds) while the Temporal server starts.
  const [server] = await Promise.all([
    startDevServer({
      dbFile: path.join(config.dev.dataDir, 'temporal.db'),
      port: temporalPort(process.env.TEMPORAL_ADDRESS),
      uiPort: config.dev.temporalUiPort,
      log: (message) => logger.warn(message),
    }),
    ensureWebAppBuilt().then((built) => {
      if (built) logger.info('Web app built');
    }),
  ]);
  const temporal = { connectionOptions: { address: server.address }, namespace: server.namespace };
  const stopSystems = await startDemoSystemsServer(config.dev.demoSystemsPort);
  const ledger = await openLedger(config.ledger);
  const metricsRegistry = new Registry();
  collectDefaultMetrics({ register: metricsRegistry });
  const stopMetrics = await serveMetrics(metricsRegistry, config.http.host, config.workerMetricsPort);
  const { worker, connection } = await createCaseWorker({
    temporal,
    taskQueue: config.taskQueue,
    activityDependencies: { env: process.env, ledger: createLedgerWriter(ledger), metricsRegistry },
    tuning: config.workerTuning,
    shutdown: WORKER_PROCESS_SHUTDOWN,
  });
  const workerRun = worker.run();
  const reconciler = startWorkerClosureReconciler({
    connection,
    temporal,
    ledger,
    logger,
    config,
    metricsRegistry,
  });
  const api = await startApi(config, logger, temporal, ledger);
  const tokens = await demoTokens(secret);
  await seedDemoCases(api.url, tokens['intake (越秀区)']!, logger);

  console.log(`\nFullcycle is running
  App          ${appUrlOf(api.url)}
  API          ${api.url}   (GET /readyz, docs at ${api.url}/docs)
  Temporal UI  ${server.uiUrl}   (gRPC ${server.address})
  Demo cases   DEMO-GARBAGE-1, DEMO-MANHOLE-1, DEMO-12345-1, DEMO-STARTUP-1, DEMO-HEALTH-1
  Open311      ${api.url}/open311/v2/services.json   (GeoReport v2; demo api_key ${open311Key})
  Tokens (12 h):
${Object.entries(tokens)
  .map(([who, token]) => `    ${who}: ${token}`)
  .join('\n')}
  Sign-in links (the token is in the fragment, never sent to the server):
${Object.entries(tokens)
  .map(([who, token]) => `    ${who}: ${signInLink(api.url, token)}`)
  .join('\n')}
  Ctrl-C stops everything.\n`);

  return {
    async close() {
      await api.close();
      worker.shutdown();
      await workerRun;
      await reconciler.stop();
      await connection.close();
      await stopSystems();
      await stopMetrics();
      await ledger.close();
      await server.stop();
    },
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
