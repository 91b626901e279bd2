/**
 * The side-by-side benchmark of issue 8: `bench.eight-tasks` through the HTTP API against the raw Temporal
 * baseline, on the same dev server, at each concurrency (BENCH_CONCURRENCY) and in each process layout
 * (BENCH_LAYOUTS), BENCH_CASES cases per run. Each run gets fresh processes and its own task queue.
 */
import type { BenchPart } from '../bench-part';
import { deploy, measure, type Measurement, type Side } from '../harness/measure-run';
import { serverRequestTable } from '../report/server-requests';
import { eventTypeTable, sideBySideTable } from '../report/side-by-side';

export const throughputPart: BenchPart = {
  name: 'throughput',
  summary: 'Fullcycle through the HTTP API against raw Temporal, side by side (issue 8)',
  async run(session) {
    const { cases, concurrency, layouts } = session.settings.throughput;
    const sides: Side[] = [
      { kind: 'raw' },
      ...layouts.map((layout) => ({ kind: 'fullcycle', layout }) as const),
    ];
    const results: Record<string, Measurement[]> = {};
    for (const lanes of concurrency) {
      const runs: Measurement[] = [];
      for (const side of sides) {
        const deployment = await deploy(session, side, { label: `c${lanes}` });
        try {
          runs.push(await measure(session, deployment, { cases, concurrency: lanes }));
        } finally {
          await deployment.topology.stop();
        }
      }
      const [baseline, ...others] = runs;
      console.log(`\n${sideBySideTable(`${cases} cases, ${lanes} at a time`, baseline!, others)}`);
      console.log(`\n${eventTypeTable('history by event type', runs)}`);
      const requests = serverRequestTable(
        session.settings.cacheSearchAttributes
          ? 'Temporal server (search attributes cached)'
          : 'Temporal server (search attributes read on every use)',
        runs.map((run) => ({ side: run.side, cases: run.load.cases, requests: run.serverRequests })),
      );
      if (requests !== undefined) console.log(`\n${requests}`);
      for (const run of runs) {
        for (const failure of run.load.failures) console.log(`  ${run.side}: ${failure}`);
      }
      results[`concurrency-${lanes}`] = runs;
    }
    console.log(`\nworker: ${JSON.stringify(Object.values(results)[0]?.[0]?.worker)}`);
    console.log(`results: ${await session.save('throughput', results)}`);
  },
};
