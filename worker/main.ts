/** Worker process: config -> logger -> connection -> Worker.run -> clean shutdown on SIGINT/SIGTERM. */
import { Runtime } from '@temporalio/worker';
import { createLogger } from '../config/create-logger';
import { loadConfig } from '../config/load-config';
import { loadTemporalConnection } from '../config/temporal-connection';
import { createCaseWorker } from './create-case-worker';
import { PinoTemporalLogger } from './pino-temporal-logger';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const logger = createLogger(config, 'worker');
  Runtime.install({ logger: new PinoTemporalLogger(logger) });
  const temporal = loadTemporalConnection(process.env);
  const { worker, connection } = await createCaseWorker({
    temporal,
    taskQueue: config.taskQueue,
    activityDependencies: { env: process.env },
  });
  logger.info({ taskQueue: config.taskQueue, namespace: temporal.namespace }, 'Worker started');
  try {
    await worker.run();
  } finally {
    await connection.close();
    logger.info('Worker stopped');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
