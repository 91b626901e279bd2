/**
 * The case ledger at scale (`npm run bench -- ledger`, docs/ledger.md): on SQLite and on a throwaway PostgreSQL
 * server, seeds BENCH_LEDGER_OPEN open and BENCH_LEDGER_CLOSED closed made-up cases of the reference flows through
 * the real writer, times a department inbox page, a stalled query and a month's metrics by department through
 * the HTTP API (BENCH_LEDGER_RUNS each, parameters varied), and measures how many feed writes per second the projection
 * sustains against what the throughput benchmark's cases send.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openLedger, writeLedgerBatches, type Ledger, type LedgerEngine } from '../../../ledger';
import { startPostgres } from '../../../test/helpers/postgres-server';
import type { BenchPart } from '../bench-part';
import type { BenchSession } from '../bench-session';
import type { BenchSettings } from '../bench-settings';
import { loadConfig } from '../../../config/load-config';
import { loadServiceData, type ServiceData } from '../../../config/load-service-data';
import { loadCaseRoutes, type CaseRoute } from '../ledger/case-routes';
import { startLedgerHttpApi } from '../ledger/ledger-http-api';
import { madeUpCase, routesByFlow } from '../ledger/made-up-cases';
import {
  benchCaseWrites,
  measureProjection,
  newestThroughput,
  type ProjectionRate,
} from '../ledger/projection-rate';
import { timeSupervisionReads, type QueryScope, type QueryTiming } from '../ledger/query-timings';
import { markdownTable, num } from '../report/table';

/** The instant the made-up city stands at: every run, every engine, the same cases. */
const NOW = Date.parse('2026-06-15T10:00:00+08:00');
const SEED_BATCH = 500;

type Settings = BenchSettings['ledger'];
/** The shipped service data and the shapes of its cases. */
interface City {
  readonly service: ServiceData;
  readonly routes: readonly CaseRoute[];
}
type Feed = Awaited<ReturnType<typeof benchCaseWrites>>;

const load = (): number => os.loadavg()[0]!;

interface EngineResult {
  readonly seed: { readonly cases: number; readonly seconds: number; readonly load: number };
  readonly rows: Record<string, number>;
  readonly reads: Record<string, QueryTiming>;
  readonly projection: ProjectionRate & { readonly load: readonly [number, number] };
}

async function seed(ledger: Ledger, routes: readonly CaseRoute[], settings: Settings) {
  const byFlow = routesByFlow(routes);
  const total = settings.open + settings.closed;
  const started = performance.now();
  for (let from = 0; from < total; from += SEED_BATCH) {
    const batches = [];
    for (let i = from; i < Math.min(total, from + SEED_BATCH); i += 1)
      batches.push(madeUpCase(i, i < settings.open, byFlow, NOW));
    await writeLedgerBatches(ledger, batches, NOW);
  }
  // What autovacuum does after a bulk load: statistics for the planner, the visibility map for index-only scans.
  if (ledger.engine === 'postgres') await sql`vacuum analyze`.execute(ledger.db);
  return { cases: total, seconds: (performance.now() - started) / 1000, load: load() };
}

async function rowCounts(ledger: Ledger): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['ledger_cases', 'ledger_events', 'ledger_steps', 'ledger_case_departments'] as const) {
    const row = await ledger.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Departments with running steps, busiest first; the city, its districts and streets; the last 12 months. */
async function queryScope(ledger: Ledger, routes: readonly CaseRoute[]): Promise<QueryScope> {
  const busy = await ledger.db
    .selectFrom('ledger_steps')
    .select(['department', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['active', 'claimed'])
    .where('department', 'is not', null)
    .groupBy('department')
    .orderBy('n', 'desc')
    .execute();
  const chains = routes.map((route) => [...route.closed.regionPath].reverse());
  const level = (depth: number) => [...new Set(chains.map((chain) => chain[depth]!))].sort();
  const months = Array.from({ length: 12 }, (_, k) => {
    const at = new Date(Date.UTC(2026, 5 - k, 1));
    return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  return {
    departments: busy.map((row) => row.department!),
    regions: [...level(0), ...level(1), ...level(2)],
    districts: level(1),
    months,
  };
}

async function benchEngine(
  ledger: Ledger,
  session: BenchSession,
  city: City,
  feed: Feed,
): Promise<EngineResult> {
  const settings = session.settings.ledger;
  const seeded = await seed(ledger, city.routes, settings);
  const rows = await rowCounts(ledger);
  const scope = await queryScope(ledger, city.routes);
  const api = await startLedgerHttpApi(ledger, city.service, NOW);
  const reads = await timeSupervisionReads(api, scope, settings.runs).finally(() => api.close());
  const before = load();
  const rate = await measureProjection(ledger, feed, {
    cases: settings.feedCases,
    lanes: settings.feedLanes,
    label: ledger.engine,
  });
  return { seed: seeded, rows, reads, projection: { ...rate, load: [before, load()] } };
}

async function onEngine(
  engine: LedgerEngine,
  session: BenchSession,
  city: City,
  feed: Feed,
): Promise<EngineResult | undefined> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-ledger-bench-'));
    const ledger = await openLedger({ file: path.join(dir, 'ledger.sqlite') });
    try {
      return await benchEngine(ledger, session, city, feed);
    } finally {
      await ledger.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const postgres = await startPostgres();
  if (postgres === undefined) return undefined;
  const ledger = await openLedger({ databaseUrl: await postgres.createDatabase() });
  try {
    return await benchEngine(ledger, session, city, feed);
  } finally {
    await ledger.close();
    await postgres.remove();
  }
}

const loads = ([before, after]: readonly [number, number]) => `${before.toFixed(1)}–${after.toFixed(1)}`;

function readsTable(results: Record<string, EngineResult | undefined>): string {
  const rows: string[][] = [];
  for (const [engine, result] of Object.entries(results)) {
    if (result === undefined) {
      rows.push([engine, 'PostgreSQL not installed']);
      continue;
    }
    for (const [read, t] of Object.entries(result.reads)) {
      rows.push([
        engine,
        read,
        num(t.runs),
        num(t.p50, 1),
        num(t.p95, 1),
        num(t.max, 1),
        num(t.rowsMean, 1),
        loads(t.load),
      ]);
    }
  }
  return markdownTable(['engine', 'read', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'rows', 'load avg'], rows);
}

export const ledgerPart: BenchPart = {
  name: 'ledger',
  summary: 'the case ledger at scale on SQLite and PostgreSQL: inbox, stalled, metrics; projection rate',
  async run(session) {
    const settings = session.settings.ledger;
    const service = await loadServiceData(loadConfig({}, 'cli').data);
    const city: City = { service, routes: loadCaseRoutes(service) };
    const feed = await benchCaseWrites(session);
    const results: Record<string, EngineResult | undefined> = {};
    for (const engine of settings.engines) results[engine] = await onEngine(engine, session, city, feed);
    console.log(`${num(settings.open)} open and ${num(settings.closed)} closed cases; rows:`);
    for (const [engine, result] of Object.entries(results)) {
      if (result === undefined) continue;
      const { seed: s, rows } = result;
      console.log(
        `  ${engine}: seeded in ${num(s.seconds)} s (${num(s.cases / s.seconds)} cases/s, load avg ${s.load.toFixed(1)}); ` +
          Object.entries(rows)
            .map(([table, n]) => `${table} ${num(n)}`)
            .join(', '),
      );
    }
    console.log(`\n${readsTable(results)}\n`);
    const throughput = await newestThroughput(session.settings.outputDir);
    const { shape } = feed;
    console.log(
      `A bench.eight-tasks case sends ${shape.events} events in at most ${shape.writes} writes ` +
        `(${(shape.writes / shape.tasks).toFixed(2)} writes per department task).`,
    );
    const rows = Object.entries(results).flatMap(([engine, result]) => {
      if (result === undefined) return [];
      const p = result.projection;
      return [
        [
          engine,
          num(p.lanes),
          num(p.writesPerSecond),
          num(p.eventsPerSecond),
          num((p.writesPerSecond * shape.tasks) / shape.writes, 1),
          num(p.p50, 1),
          num(p.p95, 1),
          loads(p.load),
        ],
      ];
    });
    console.log(
      markdownTable(
        [
          'engine',
          'cases at once',
          'writes/s',
          'events/s',
          'keeps up with tasks/s',
          'p50 ms',
          'p95 ms',
          'load avg',
        ],
        rows,
      ),
    );
    if (throughput !== undefined) {
      console.log(`\nThe newest throughput run (${throughput.file}) needed, in department tasks per second:`);
      for (const [side, tasksPerSecond] of Object.entries(throughput.bySide)) {
        const writes = (tasksPerSecond * shape.writes) / shape.tasks;
        const events = (tasksPerSecond * shape.events) / shape.tasks;
        console.log(
          `  ${side}: ${num(tasksPerSecond, 1)} tasks/s → ≤ ${num(writes)} writes/s, ${num(events)} events/s`,
        );
      }
    }
    await session.save('ledger', { now: NOW, settings, feed: shape, throughput, ...results });
  },
};
