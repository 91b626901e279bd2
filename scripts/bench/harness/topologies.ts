/**
 * The process layouts a run measures, each on its own task queue of the session's dev server: Fullcycle with
 * API and worker in two processes (`split`, as `npm run api` + `npm run worker`) or in one (`single`, as
 * `npm run dev`), and the raw baseline's worker. The driver (this process) plays the clients.
 */
import path from 'node:path';
import type { BenchSession } from '../bench-session';
import type { Layout } from '../bench-settings';
import { workerNodeFlags } from '../../../config/worker-node-flags';
import { findFreePort } from '../../temporal/dev-server';
import { BENCH_FLOWS_DIR } from './bench-plan';
import { startChild, type BenchChild } from './child-processes';

export interface Topology {
  /** The API's base URL (Fullcycle only). */
  readonly apiUrl?: string;
  /** The child processes by the name the report gives them. */
  readonly processes: Readonly<Record<string, BenchChild>>;
  /** The process that runs the worker, by its report name. */
  readonly workerName: string;
  /** Kills the worker's process (SIGKILL) and starts it again; resolves with the new process once ready. */
  restartWorker(): Promise<BenchChild>;
  stop(): Promise<void>;
}

export interface TopologyOptions {
  readonly taskQueue: string;
  /** Node flags for every child, e.g. `--cpu-prof`. */
  readonly execArgv?: readonly string[];
}

const FULLCYCLE_SCRIPT = 'scripts/bench/processes/fullcycle-process.js';
const RAW_SCRIPT = 'scripts/bench/processes/raw-worker-process.js';

async function childEnvironment(session: BenchSession, taskQueue: string): Promise<Record<string, string>> {
  const server = await session.devServer();
  return {
    TEMPORAL_ADDRESS: server.address,
    TEMPORAL_NAMESPACE: server.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
  };
}

function topology(
  processes: Record<string, BenchChild>,
  workerName: string,
  restart: () => Promise<BenchChild>,
  apiUrl?: string,
): Topology {
  return {
    ...(apiUrl === undefined ? {} : { apiUrl }),
    processes,
    workerName,
    async restartWorker() {
      await processes[workerName]!.kill();
      processes[workerName] = await restart();
      return processes[workerName];
    },
    async stop() {
      await Promise.all(Object.values(processes).map((child) => child.stop()));
    },
  };
}

/** Starts Fullcycle in the given layout: the real API and case worker, configured by environment variables. */
export async function startFullcycle(
  session: BenchSession,
  layout: Layout,
  options: TopologyOptions,
): Promise<Topology> {
  const [bundles, logs, ledgers, port] = await Promise.all([
    session.bundles(),
    session.folder('logs'),
    session.folder('ledgers'),
    findFreePort(),
  ]);
  // The run's own ledger, written by the worker and read by the API, as with `npm run worker` and `npm run api`
  // (both migrate a new file on start, as they do in production; ledger/open-ledger.ts lets the second retry).
  const ledgerFile = path.join(ledgers, `${options.taskQueue}.sqlite`);
  const env = {
    ...(await childEnvironment(session, options.taskQueue)),
    LEDGER_FILE: ledgerFile,
    AUTH_JWT_SECRET: session.jwtSecret,
    FLOWS_DIR: BENCH_FLOWS_DIR,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    BENCH_WORKFLOW_BUNDLE: bundles.fullcycle,
  };
  const start = (name: string, roles: string) =>
    startChild(name, {
      script: FULLCYCLE_SCRIPT,
      env: { ...env, BENCH_ROLES: roles },
      // The worker alone runs as `npm run worker` does (its heap cap); API+worker in one as `npm run dev` does.
      execArgv: [...(roles === 'worker' ? workerNodeFlags() : []), ...(options.execArgv ?? [])],
      logFile: path.join(logs, `${options.taskQueue}-${roles.replace(',', '+')}.log`),
    });
  if (layout === 'single') {
    const both = await start('API+worker', 'api,worker');
    return topology(
      { 'API+worker': both },
      'API+worker',
      () => start('API+worker', 'api,worker'),
      both.ready.url,
    );
  }
  const [api, worker] = await Promise.all([start('API', 'api'), start('worker', 'worker')]);
  return topology({ API: api, worker }, 'worker', () => start('worker', 'worker'), api.ready.url);
}

/** Starts the raw baseline's worker. */
export async function startRawWorker(session: BenchSession, options: TopologyOptions): Promise<Topology> {
  const [bundles, logs] = await Promise.all([session.bundles(), session.folder('logs')]);
  const env = { ...(await childEnvironment(session, options.taskQueue)), BENCH_WORKFLOW_BUNDLE: bundles.raw };
  const start = () =>
    startChild('worker', {
      script: RAW_SCRIPT,
      env,
      execArgv: options.execArgv,
      logFile: path.join(logs, `${options.taskQueue}-raw-worker.log`),
    });
  return topology({ worker: await start() }, 'worker', start);
}
