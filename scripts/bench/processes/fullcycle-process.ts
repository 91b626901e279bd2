/**
 * A bench child running the real Fullcycle API, the real case worker, or both in one process (as `npm run dev`
 * does), configured from the environment exactly as `npm run api` and `npm run worker` are. `BENCH_ROLES` says
 * which (`api`, `worker` or `api,worker`); `BENCH_WORKFLOW_BUNDLE` is the prebuilt workflow bundle, so that a
 * restarted worker does not bundle again. Like `npm run worker`, the worker writes the case ledger (the run's own
 * `LEDGER_FILE`, which the API reads); in one process API and worker share it, as in `npm run dev`.
 */
import { Runtime } from '@temporalio/worker';
import { startApi } from '../../../api/start-api';
import { createLogger } from '../../../config/create-logger';
import { loadConfig } from '../../../config/load-config';
import { loadTemporalConnection } from '../../../config/temporal-connection';
import { createLedgerWriter, openLedger } from '../../../ledger';
import { createCaseWorker } from '../../../worker/create-case-worker';
import { PinoTemporalLogger } from '../../../config/pino-temporal-logger';
import { serveBenchChild, workerFacts } from './serve-bench-child';

serveBenchChild(async () => {
  const roles = (process.env.BENCH_ROLES ?? 'api,worker').split(',');
  const config = loadConfig(process.env, roles.includes('api') ? 'api' : 'worker');
  const logger = createLogger(config, `bench-${roles.join('+')}`);
  Runtime.install({ logger: new PinoTemporalLogger(logger), shutdownSignals: [] });
  const temporal = loadTemporalConnection(process.env);
  // The worker alone opens it as `npm run worker` does (for writes); with the API, as `npm run dev` does.
  const ledger = roles.includes('worker')
    ? await openLedger(config.ledger, roles.includes('api') ? 'reads' : 'writes')
    : undefined;
  const caseWorker = ledger
    ? await createCaseWorker({
        temporal,
        taskQueue: config.taskQueue,
        activityDependencies: { env: process.env, ledger: createLedgerWriter(ledger) },
        workflowBundle: { codePath: process.env.BENCH_WORKFLOW_BUNDLE! },
        tuning: config.workerTuning,
      })
    : undefined;
  const workerRun = caseWorker?.worker.run();
  const api = roles.includes('api') ? await startApi(config, logger, temporal, ledger) : undefined;
  return {
    ready: {
      ...(api ? { url: api.url } : {}),
      ...(caseWorker ? { worker: workerFacts(caseWorker.worker) } : {}),
    },
    async stop() {
      await api?.close();
      caseWorker?.worker.shutdown();
      await workerRun;
      await caseWorker?.connection.close();
      await ledger?.close();
    },
  };
});
