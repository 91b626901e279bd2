/**
 * Whether the ledger's projection keeps up with the throughput benchmark: the batches the feed would send for
 * `bench.eight-tasks` (the throughput run's flow), taken from the pure engine after every transition (one write
 * per transition: the most the feed sends; it coalesces a burst into one write), written through the real
 * writer as the worker's `recordCaseFacts` activities would, one write in flight per case and many cases at once.
 */
import { performance } from 'node:perf_hooks';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCaseInput } from '../../../api/cases/build-case-input';
import { createLedgerWriter, type Ledger } from '../../../ledger';
import { ledgerBatch, type LedgerBatch } from '../../../workflows/engine/case/ledger-snapshot';
import type { BenchSession } from '../bench-session';
import { BENCH_FLOW_ID, BENCH_INTAKE, BENCH_REGION, BENCH_RESULT } from '../harness/bench-plan';
import { driveEngineToClosure } from '../harness/drive-engine';

/** What one bench case sends to the ledger. */
export interface FeedShape {
  /** Department tasks per case (the throughput run's unit). */
  readonly tasks: number;
  /** Writes per case when every transition is written on its own (the feed's most). */
  readonly writes: number;
  /** Timeline events per case. */
  readonly events: number;
}

/** The bench case's writes, one per transition, for case ids made from `caseId`. */
export async function benchCaseWrites(
  session: BenchSession,
): Promise<{ shape: FeedShape; writesOf(caseId: string): LedgerBatch[] }> {
  const plan = await session.plan();
  const input = buildCaseInput(
    plan.service,
    { caseId: 'FEED', flowId: BENCH_FLOW_ID, region: BENCH_REGION, data: {} },
    BENCH_INTAKE,
  );
  const results = Object.fromEntries(plan.flow.steps.map((step) => [step.id, { ...BENCH_RESULT }]));
  const batches: LedgerBatch[] = [];
  let sent = 0;
  const { state } = driveEngineToClosure(input, results, (next) => {
    if (next.timeline.length === sent) return;
    batches.push(ledgerBatch(next, sent));
    sent = next.timeline.length;
  });
  const shape = {
    tasks: plan.levels.flat().length,
    writes: batches.length,
    events: state.timeline.length,
  };
  const writesOf = (caseId: string): LedgerBatch[] =>
    batches.map((batch) => ({
      caseId,
      events: batch.events,
      snapshot: { ...batch.snapshot, caseId },
    }));
  return { shape, writesOf };
}

export interface ProjectionRate {
  readonly cases: number;
  readonly lanes: number;
  readonly writesPerSecond: number;
  readonly eventsPerSecond: number;
  /** Per write, ms. */
  readonly p50: number;
  readonly p95: number;
}

/** Writes `cases` bench cases, `lanes` at a time, each case's writes one after the other. */
export async function measureProjection(
  ledger: Ledger,
  feed: Awaited<ReturnType<typeof benchCaseWrites>>,
  options: { readonly cases: number; readonly lanes: number; readonly label: string },
): Promise<ProjectionRate> {
  const writer = createLedgerWriter(ledger);
  const latencies: number[] = [];
  let next = 0;
  let events = 0;
  const lane = async (): Promise<void> => {
    while (next < options.cases) {
      const n = next++;
      for (const batch of feed.writesOf(`FEED-${options.label}-${String(n).padStart(6, '0')}`)) {
        const started = performance.now();
        await writer.write(batch);
        latencies.push(performance.now() - started);
        events += batch.events.length;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.lanes }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
  return {
    cases: options.cases,
    lanes: options.lanes,
    writesPerSecond: latencies.length / seconds,
    eventsPerSecond: events / seconds,
    p50: at(0.5),
    p95: at(0.95),
  };
}

/** The fastest department tasks per second any side reached in the newest saved throughput run, if any. */
export async function newestThroughput(
  outputDir: string,
): Promise<{ file: string; bySide: Record<string, number> } | undefined> {
  const dir = path.join(outputDir, 'results');
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('-throughput.json'))
    .sort();
  const file = files.at(-1);
  if (file === undefined) return undefined;
  const runs = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<
    string,
    { side: string; load: { tasks: number; wallSeconds: number } }[]
  >;
  const bySide: Record<string, number> = {};
  for (const [concurrency, measurements] of Object.entries(runs)) {
    for (const run of measurements) {
      bySide[`${run.side}, ${concurrency}`] = run.load.tasks / run.load.wallSeconds;
    }
  }
  return { file, bySide };
}
