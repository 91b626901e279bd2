/**
 * A bench child running the worker of the raw Temporal baseline (scripts/bench/raw) on `TEMPORAL_TASK_QUEUE`,
 * from the prebuilt bundle in `BENCH_WORKFLOW_BUNDLE`, with the SDK's default worker settings.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { loadTemporalConnection } from '../../../config/temporal-connection';
import { serveBenchChild, workerFacts } from './serve-bench-child';

serveBenchChild(async () => {
  const logger = new DefaultLogger('WARN', ({ level, message, meta }) => {
    process.stdout.write(`${JSON.stringify({ level, message, ...meta })}\n`);
  });
  Runtime.install({ logger, shutdownSignals: [] });
  const temporal = loadTemporalConnection(process.env);
  const connection = await NativeConnection.connect(temporal.connectionOptions);
  const worker = await Worker.create({
    connection,
    namespace: temporal.namespace,
    taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
    workflowBundle: { codePath: process.env.BENCH_WORKFLOW_BUNDLE! },
  });
  const run = worker.run();
  return {
    ready: { worker: workerFacts(worker) },
    async stop() {
      worker.shutdown();
      await run;
      await connection.close();
    },
  };
});
