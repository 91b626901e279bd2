/**
 * Worker memory as open cases grow (BENCH_OPEN_CASES, each case's first level waiting), for the raw baseline and
 * Fullcycle: the worker's RSS every tenth of the way, the workflow cache size the SDK chose, and what it costs to
 * come back to a case: reading and completing the first level of the oldest cases (evicted from the cache once
 * more cases are open than it holds, so they are replayed) against the newest (still cached), one at a time.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchPart } from '../bench-part';
import type { CaseDriver, LoadStep } from '../drivers/load-runner';
import { runLoad } from '../drivers/load-runner';
import { deploy, sideName, type Side } from '../harness/measure-run';
import { rssMiB } from '../harness/process-sampler';
import { spread } from '../report/stats';
import { counts, markdownTable, num } from '../report/table';

/**
 * Opens a case and waits for its first workflow task (an untimed read), so that "open" means the first level
 * waiting in the worker, as the issue counts it: a start answered before that task (the API's since session 7) would
 * otherwise let the opening outrun the worker and leave a backlog behind the measurements.
 */
const OPEN: LoadStep = async (driver, index, record) => {
  await driver.open(index, record);
  await driver.started(index, record);
};
const SETTLE_MS = 5_000;

interface MemoryRun {
  readonly side: string;
  readonly cacheSize: number;
  readonly taskSlots: number;
  readonly opened: number;
  readonly openPerSecond: number;
  readonly errors: Readonly<Record<string, number>>;
  /** Worker RSS (MiB) by open cases. */
  readonly curve: readonly { readonly open: number; readonly workerMiB: number; readonly apiMiB?: number }[];
  readonly settledMiB: number;
  readonly serverMiB: number;
  readonly comeback: { readonly evictedMs: readonly number[]; readonly cachedMs: readonly number[] };
}

/** Reads and completes the first level of `cases` cases from `first` on, one at a time; each one's time. */
async function comeBack(driver: CaseDriver, first: number, cases: number): Promise<number[]> {
  const times: number[] = [];
  const timed: LoadStep = async (d, index, record) => {
    const started = performance.now();
    await d.completeFirstLevel(index, record);
    times.push(performance.now() - started);
  };
  await runLoad(driver, { cases, concurrency: 1, caseIndex: (nth) => first + nth }, timed);
  return times.sort((a, b) => a - b);
}

function table(runs: readonly MemoryRun[], comebackCases: number): string {
  const milestones = [...new Set(runs.flatMap((run) => run.curve.map((point) => point.open)))].sort(
    (a, b) => a - b,
  );
  const at = (run: MemoryRun, open: number) => run.curve.find((point) => point.open === open);
  /** The worker's growth while the cache fills, per cached case (the first milestone at or past its size). */
  const perCachedCase = (run: MemoryRun) => {
    const full = run.curve.find((point) => point.open >= run.cacheSize);
    return full === undefined ? NaN : (full.workerMiB - run.curve[0]!.workerMiB) / full.open;
  };
  const timing = (ms: readonly number[]) => {
    const { p50, max } = spread(ms);
    return `${num(p50)} / ${num(max)}`;
  };
  const rows = [
    ['workflow cache (maxCachedWorkflows)', ...runs.map((run) => num(run.cacheSize))],
    [
      'workflow tasks at once (maxConcurrentWorkflowTaskExecutions)',
      ...runs.map((run) => num(run.taskSlots)),
    ],
    ['worker MiB per cached case, while the cache fills', ...runs.map((run) => num(perCachedCase(run), 2))],
    ['cases opened per second', ...runs.map((run) => num(run.openPerSecond, 1))],
    [
      'oldest cases evicted before coming back',
      ...runs.map((run) => (run.opened - comebackCases >= run.cacheSize ? 'yes' : 'no: all fit the cache')),
    ],
    ['failed attempts by status', ...runs.map((run) => counts(run.errors))],
    ...milestones.map((open) => [
      `worker RSS MiB, ${num(open)} open`,
      ...runs.map((run) => {
        const point = at(run, open);
        return point === undefined
          ? '–'
          : num(point.workerMiB) + (point.apiMiB ? ` (API ${num(point.apiMiB)})` : '');
      }),
    ]),
    [`worker RSS MiB, settled ${SETTLE_MS / 1000} s later`, ...runs.map((run) => num(run.settledMiB))],
    ['Temporal server RSS MiB', ...runs.map((run) => num(run.serverMiB))],
    [
      `come back to ${comebackCases} oldest cases: read + complete p50 / max ms`,
      ...runs.map((run) => timing(run.comeback.evictedMs)),
    ],
    [
      `come back to ${comebackCases} newest cases: read + complete p50 / max ms`,
      ...runs.map((run) => timing(run.comeback.cachedMs)),
    ],
  ];
  return markdownTable([`${num(runs[0]!.opened)} open cases`, ...runs.map((run) => run.side)], rows);
}

export const memoryPart: BenchPart = {
  name: 'memory',
  summary: 'worker RSS with many open cases, the workflow cache, evicted cases coming back',
  async run(session) {
    const { openCases, concurrency, comebackCases } = session.settings.memory;
    const comeback = Math.min(comebackCases, Math.floor(openCases / 2));
    const sides = session.settings.memory.sides.map(
      (side): Side => (side === 'raw' ? { kind: 'raw' } : { kind: 'fullcycle', layout: side }),
    );
    const server = await session.devServer();
    const runs: MemoryRun[] = [];
    for (const side of sides) {
      const deployment = await deploy(session, side, { label: 'memory' });
      try {
        const { topology } = deployment;
        const worker = topology.processes[topology.workerName]!;
        const api = topology.processes['API'];
        const driver = await deployment.driver(deployment.taskQueue);
        const every = Math.max(1, Math.floor(openCases / 10));
        const { maxCachedWorkflows: cacheSize, maxConcurrentWorkflowTaskExecutions: taskSlots } =
          worker.ready.worker!;
        const curve: MemoryRun['curve'][number][] = [];
        const mark = (open: number) => {
          const apiMiB = api === undefined ? undefined : rssMiB(api.pid);
          curve.push({ open, workerMiB: rssMiB(worker.pid) ?? NaN, ...(apiMiB ? { apiMiB } : {}) });
        };
        mark(0);
        const opened = await runLoad(
          driver,
          {
            cases: openCases,
            concurrency,
            onCase: (done) => (done % every === 0 || done === cacheSize) && mark(done),
          },
          OPEN,
        );
        await sleep(SETTLE_MS);
        const settledMiB = rssMiB(worker.pid) ?? NaN;
        runs.push({
          side: sideName(side),
          cacheSize,
          taskSlots,
          opened: opened.closed,
          openPerSecond: opened.closed / opened.wallSeconds,
          errors: opened.errors,
          curve,
          settledMiB,
          serverMiB: rssMiB(server.process.pid!) ?? NaN,
          comeback: {
            evictedMs: await comeBack(driver, 0, comeback),
            cachedMs: await comeBack(driver, openCases - comeback, comeback),
          },
        });
      } finally {
        await deployment.topology.stop();
      }
    }
    console.log(table(runs, comeback));
    console.log(`results: ${await session.save('memory', runs)}`);
  },
};
