/**
 * One measured run: a side (the raw baseline, or Fullcycle in a process layout) deployed on its own task queue,
 * warmed up, then driven with a load while the processes are sampled; afterwards the workflow task times are read
 * from the histories of the measured cases.
 */
import type { BenchSession } from '../bench-session';
import type { Layout } from '../bench-settings';
import { createFullcycleHttpDriver } from '../drivers/fullcycle-http-driver';
import { runLoad, type CaseDriver, type LoadResult, type LoadStep } from '../drivers/load-runner';
import { createRawClientDriver } from '../drivers/raw-client-driver';
import type { WorkerFacts } from './child-messages';
import type { ServerCounts } from '../report/server-requests';
import { sampleProcesses, type ProcessUsage } from './process-sampler';
import { countServerRequests } from './server-counters';
import { startFullcycle, startRawWorker, type Topology } from './topologies';
import { workflowTaskTimes, type WorkflowTaskTimes } from './workflow-task-times';

export type Side = { readonly kind: 'raw' } | { readonly kind: 'fullcycle'; readonly layout: Layout };

/** How the report names a side. */
export function sideName(side: Side): string {
  if (side.kind === 'raw') return 'raw Temporal';
  return side.layout === 'split' ? 'Fullcycle, 2 processes' : 'Fullcycle, 1 process';
}

export interface Deployment {
  readonly side: Side;
  readonly taskQueue: string;
  readonly topology: Topology;
  /** A driver whose case ids start with `runId`. */
  driver(runId: string): Promise<CaseDriver>;
}

/** Starts the side's processes on a fresh task queue. */
export async function deploy(
  session: BenchSession,
  side: Side,
  options: { readonly label: string; readonly execArgv?: readonly string[] },
): Promise<Deployment> {
  const taskQueue = session.runId(`${options.label}-${side.kind === 'raw' ? 'raw' : side.layout}`);
  const plan = await session.plan();
  if (side.kind === 'raw') {
    const [topology, client] = await Promise.all([
      startRawWorker(session, { taskQueue, execArgv: options.execArgv }),
      session.client(),
    ]);
    return {
      side,
      taskQueue,
      topology,
      driver: (runId) => Promise.resolve(createRawClientDriver({ client, taskQueue, runId, plan })),
    };
  }
  const topology = await startFullcycle(session, side.layout, { taskQueue, execArgv: options.execArgv });
  return {
    side,
    taskQueue,
    topology,
    driver: (runId) =>
      createFullcycleHttpDriver({ apiUrl: topology.apiUrl!, jwtSecret: session.jwtSecret, runId, plan }),
  };
}

export interface Measurement {
  readonly side: string;
  readonly load: LoadResult;
  /** By process: the children by report name, `Temporal server` and `driver` (this process). */
  readonly usage: Readonly<Record<string, ProcessUsage>>;
  readonly workflowTasks: WorkflowTaskTimes;
  /** What the Temporal server's request counters grew by during the load (report/server-requests.ts). */
  readonly serverRequests?: ServerCounts;
  readonly worker: WorkerFacts;
  /** The worker's log (both runs of it, when restarted). */
  readonly workerLog: string;
  /** When the load ran, in microseconds of the monotonic clock (`process.hrtime`; CPU profiles use it too). */
  readonly loadWindowUs: { readonly fromUs: number; readonly toUs: number };
  /** When the worker was killed and started again during the run (`readyAt`: epoch ms). */
  readonly restart?: {
    readonly afterCompletions: number;
    readonly downSeconds: number;
    readonly readyAt: number;
  };
}

export interface MeasureOptions {
  readonly cases: number;
  readonly concurrency: number;
  /** Kill the worker (SIGKILL) after this many completions and start it again. */
  readonly restartAfter?: number;
  /** Cases run before measuring, so that both sides are measured warm. */
  readonly warmUpCases?: number;
  readonly step?: LoadStep;
}

const DEFAULT_WARM_UP_CASES = 5;

/** Warms up, then drives the load while sampling the processes; reads the workflow task times after. */
export async function measure(
  session: BenchSession,
  deployment: Deployment,
  options: MeasureOptions,
): Promise<Measurement> {
  const { topology } = deployment;
  const warm = await deployment.driver(`${deployment.taskQueue}-warm`);
  const warmUpCases = options.warmUpCases ?? DEFAULT_WARM_UP_CASES;
  if (warmUpCases > 0) await runLoad(warm, { cases: warmUpCases, concurrency: warmUpCases });
  const driver = await deployment.driver(deployment.taskQueue);
  const server = await session.devServer();
  const serverRequests = await countServerRequests(server.metricsUrl);
  const sampler = sampleProcesses({
    ...Object.fromEntries(Object.entries(topology.processes).map(([name, child]) => [name, child.pid])),
    'Temporal server': server.process.pid!,
    driver: process.pid,
  });
  const { ready, logFile: workerLog } = topology.processes[topology.workerName]!;
  let restart: Promise<Measurement['restart']> | undefined;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  const fromUs = nowUs();
  const load = await runLoad(
    driver,
    {
      cases: options.cases,
      concurrency: options.concurrency,
      onCompletion: (completed) => {
        if (options.restartAfter === undefined || restart !== undefined || completed < options.restartAfter)
          return;
        const killedAt = Date.now();
        restart = topology.restartWorker().then((child) => {
          sampler.add(topology.workerName, child.pid);
          const readyAt = Date.now();
          return { afterCompletions: completed, downSeconds: (readyAt - killedAt) / 1000, readyAt };
        });
      },
    },
    options.step,
  );
  const loadWindowUs = { fromUs, toUs: nowUs() };
  const restarted = await restart;
  const usage = sampler.stop();
  const requests = await serverRequests.finish();
  const client = await session.client();
  const ids = Array.from({ length: options.cases }, (_, index) => driver.workflowId(index));
  return {
    side: sideName(deployment.side),
    load,
    usage,
    workflowTasks: await workflowTaskTimes(client, ids, restarted?.readyAt),
    ...(requests === undefined ? {} : { serverRequests: requests }),
    worker: ready.worker!,
    workerLog,
    loadWindowUs,
    ...(restarted === undefined ? {} : { restart: restarted }),
  };
}
