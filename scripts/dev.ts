/**
 * `npm run dev`: the whole engine in one process with demo data — a Temporal dev server persisting to `.data/`
 * (with the Web UI), the case worker, the HTTP API and stand-in departmental systems. Ctrl-C stops all of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Runtime } from '@temporalio/worker';
import { mintToken } from '../api/auth';
import { startApi } from '../api/start-api';
import { createLogger } from '../config/create-logger';
import { loadConfig } from '../config/load-config';
import { createCaseWorker } from '../worker/create-case-worker';
import { PinoTemporalLogger } from '../worker/pino-temporal-logger';
import { seedDemoCases } from './dev/demo-cases';
import { startDemoSystemsServer } from './dev/demo-systems-server';
import { assertPortFree, startDevServer } from './temporal/dev-server';

/** A secret kept in the data folder, so that printed tokens stay valid across restarts. */
async function devSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'dev-jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

function temporalPort(address: string | undefined): number {
  const port = Number(address?.split(':').at(-1));
  return Number.isInteger(port) && port > 0 ? port : 7233;
}

async function demoTokens(secret: string): Promise<Record<string, string>> {
  const hours = { expiresIn: '12h' };
  return {
    'intake (越秀区)': await mintToken(secret, { sub: 'seat-01', role: 'intake', region: '440104' }, hours),
    'department (yuexiu-sanitation)': await mintToken(
      secret,
      { sub: 'clerk-01', role: 'department', dept: 'yuexiu-sanitation' },
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
  const secret = baseConfig.auth.jwtSecret ?? (await devSecret(baseConfig.dev.dataDir));
  const config = loadConfig({ LOG_PRETTY: 'true', ...process.env, AUTH_JWT_SECRET: secret }, 'api');
  const logger = createLogger(config, 'fullcycle');
  Runtime.install({
    logger: new PinoTemporalLogger(logger.child({ component: 'temporal' })),
    shutdownSignals: [],
  });

  await assertPortFree(config.http.port, 'HTTP API, HTTP_PORT');
  await assertPortFree(config.dev.demoSystemsPort, 'demo departmental systems, DEMO_SYSTEMS_PORT');
  const server = await startDevServer({
    dbFile: path.join(config.dev.dataDir, 'temporal.db'),
    port: temporalPort(process.env.TEMPORAL_ADDRESS),
    uiPort: config.dev.temporalUiPort,
    log: (message) => logger.warn(message),
  });
  const temporal = { connectionOptions: { address: server.address }, namespace: server.namespace };
  const stopSystems = await startDemoSystemsServer(config.dev.demoSystemsPort);
  const { worker, connection } = await createCaseWorker({
    temporal,
    taskQueue: config.taskQueue,
    activityDependencies: { env: process.env },
  });
  const workerRun = worker.run();
  const api = await startApi(config, logger, temporal);
  const tokens = await demoTokens(secret);
  await seedDemoCases(api.url, tokens['intake (越秀区)']!, logger);

  console.log(`\nFullcycle is running
  API          ${api.url}   (GET /readyz, docs at ${api.url}/docs)
  Temporal UI  ${server.uiUrl}   (gRPC ${server.address})
  Demo cases   DEMO-GARBAGE-1, DEMO-MANHOLE-1, DEMO-12345-1, DEMO-STARTUP-1, DEMO-HEALTH-1
  Tokens (12 h):
${Object.entries(tokens)
  .map(([who, token]) => `    ${who}: ${token}`)
  .join('\n')}
  Ctrl-C stops everything.\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info('Stopping');
    await api.close();
    worker.shutdown();
    await workerRun;
    await connection.close();
    await stopSystems();
    await server.stop();
    logger.info('Stopped');
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
