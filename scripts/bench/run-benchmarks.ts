/**
 * `npm run bench`: how fast the pure parts are (working-time arithmetic, the engine driving a reference case to
 * closure) and how a real case behaves end to end on an in-memory Temporal dev server (update latency, cases per
 * minute). Bounded in count and time, loopback only. Results go to stdout; docs/benchmarks.md records a run.
 */
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadServiceData } from '../../config/load-service-data';
import { loadConfig } from '../../config/load-config';
import { REFERENCE_CASES } from '../../test/helpers/reference-cases';
import { driveToClosure, startCaseWorkflow } from '../../test/helpers/case-driver';
import { buildCaseInput } from '../../api/cases/build-case-input';
import { createCaseWorker } from '../../worker/create-case-worker';
import { addDuration, parseDuration } from '../../workflows/engine/time';
import { startDevServer } from '../temporal/dev-server';
import { driveEngineToClosure } from './drive-engine';

const INTAKE = { sub: 'bench', role: 'intake' } as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(name: string, values: Record<string, string | number>): void {
  console.log(
    `${name.padEnd(34)} ${Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ')}`,
  );
}

async function benchWorkingTime(): Promise<void> {
  const { calendars } = await loadServiceData(loadConfig({}, 'cli').data);
  const calendar = calendars.get('cn-mainland')!;
  const fourHours = parseDuration('4h');
  const fiveDays = parseDuration('5d');
  const year = Date.parse('2026-01-01T00:00:00+08:00');
  const runs = 50_000;
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    const start = year + ((i * 7_919_993) % (365 * 86_400_000));
    addDuration(calendar, start, i % 2 === 0 ? fourHours : fiveDays, 'working');
  }
  const ms = performance.now() - started;
  report('working time: addDuration', { runs, 'µs/op': ((ms * 1000) / runs).toFixed(1) });
}

async function benchEngine(): Promise<void> {
  const service = await loadServiceData(loadConfig({}, 'cli').data);
  for (const [flowId, reference] of Object.entries(REFERENCE_CASES)) {
    const input = buildCaseInput(service, { caseId: 'BENCH', ...reference.fields }, INTAKE);
    const runs = 300;
    let transitions = 0;
    let stateBytes = 0;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) {
      const outcome = driveEngineToClosure({ ...input, caseId: `BENCH-${i}` }, reference.results ?? {});
      transitions += outcome.transitions;
      stateBytes = outcome.stateBytes;
    }
    const ms = performance.now() - started;
    report(`engine: ${flowId}`, {
      'ms/case': (ms / runs).toFixed(2),
      'µs/transition': ((ms * 1000) / transitions).toFixed(0),
      'state bytes at closure': stateBytes,
    });
  }
}

async function benchEndToEnd(cases: number, concurrency: number): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const server = await startDevServer({ log: () => undefined });
  const service = await loadServiceData(loadConfig({}, 'cli').data);
  const reference = REFERENCE_CASES['hotline.12345-complaint']!;
  const taskQueue = 'bench';
  const { worker, connection: workerConnection } = await createCaseWorker({
    temporal: { connectionOptions: { address: server.address }, namespace: 'default' },
    taskQueue,
    activityDependencies: { env: {} },
  });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const latencies: number[] = [];
  const started = performance.now();
  try {
    await worker.runUntil(async () => {
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < cases) {
          const index = next++;
          const input = buildCaseInput(service, { caseId: `E2E-${index}`, ...reference.fields }, INTAKE);
          const handle = await startCaseWorkflow(client, taskQueue, input);
          const timed = new Proxy(handle, {
            get(target, prop, receiver) {
              const value = Reflect.get(target, prop, receiver) as unknown;
              if (prop !== 'executeUpdate' || typeof value !== 'function') return value;
              return async (...args: unknown[]) => {
                const t = performance.now();
                const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
                latencies.push(performance.now() - t);
                return result;
              };
            },
          });
          await driveToClosure(timed, input.flow, { results: reference.results ?? {}, timeoutMs: 120_000 });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
    });
  } finally {
    await connection.close();
    await workerConnection.close();
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  report('end to end: 12345 complaint', {
    cases,
    concurrency,
    updates: latencies.length,
    'cases/min': ((cases / seconds) * 60).toFixed(0),
    'update p50 ms': percentile(latencies, 50).toFixed(1),
    'p95 ms': percentile(latencies, 95).toFixed(1),
    'p99 ms': percentile(latencies, 99).toFixed(1),
  });
  report('worker process memory', { 'rss MiB': (process.memoryUsage().rss / 2 ** 20).toFixed(0) });
}

async function main(): Promise<void> {
  await benchWorkingTime();
  await benchEngine();
  await benchEndToEnd(Number(process.env.BENCH_CASES ?? 100), Number(process.env.BENCH_CONCURRENCY ?? 10));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
