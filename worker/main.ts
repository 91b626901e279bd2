/**
 * Worker process: config -> logger -> ledger -> connection -> Worker.run -> clean shutdown. On SIGINT or SIGTERM the
 * SDK's runtime (its default `shutdownSignals`) shuts the worker down: `run()` resolves once the worker has drained
 * (WORKER_PROCESS_SHUTDOWN), then the process closes what it opened and exits 0. A signal while the worker starts
 * stops it as soon as it runs; a second signal ends the process at once (the runtime listens for the first only).
 */
import { Runtime } from '@temporalio/worker';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createLogger } from '../config/create-logger';
import { loadConfig } from '../config/load-config';
import { loadTemporalConnection } from '../config/temporal-connection';
import { createLedgerWriter, openLedger } from '../ledger';
import { prebuiltCaseWorkflowBundle } from './case-workflow-bundle';
import { createCaseWorker, WORKER_PROCESS_SHUTDOWN } from './create-case-worker';
import { serveMetrics } from './metrics-server';
import { startWorkerClosureReconciler } from './start-closure-reconciler';
import { PinoTemporalLogger } from '../config/pino-temporal-logger';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const logger = createLogger(config, 'worker');
  Runtime.install({ logger: new PinoTemporalLogger(logger) });
  const temporal = loadTemporalConnection(process.env);
  const ledger = await openLedger(config.ledger, 'writes');
  const metricsRegistry = new Registry();
  collectDefaultMetrics({ register: metricsRegistry });
  const stopMetrics = await serveMetrics(metricsRegistry, config.http.host, config.workerMetricsPort);
  const workflowBundle = prebuiltCaseWorkflowBundle();
  const { worker, connection } = await createCaseWorker({
    temporal,
    ...(workflowBundle ? { workflowBundle } : {}),
    taskQueue: config.taskQueue,
    activityDependencies: { env: process.env, ledger: createLedgerWriter(ledger), metricsRegistry },
    tuning: config.workerTuning,
    shutdown: WORKER_PROCESS_SHUTDOWN,
  });
  logger.info(
    {
      taskQueue: config.taskQueue,
      namespace: temporal.namespace,
      ledger: ledger.engine,
      workflowBundle: workflowBundle?.codePath ?? 'bundled at start',
      ...config.workerTuning,
    },
    'Worker started',
  );
  const reconciler = startWorkerClosureReconciler({
    connection,
    temporal,
    ledger,
    logger,
    config,
    metricsRegistry,
  });
  try {
    await worker.run();
  } finally {
    await reconciler.stop();
    await connection.close();
    await stopMetrics();
    await ledger.close();
    logger.info('Worker stopped');
  }
}

main().then(
  // Nothing left to wait for (an idle keep-alive socket to a departmental system must not hold the process).
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
