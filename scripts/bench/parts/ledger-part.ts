/**
 * The case ledger at scale (`npm run bench -- ledger`): seeds 20,000 open and 100,000 closed made-up cases
 * (BENCH_LEDGER_OPEN, BENCH_LEDGER_CLOSED), then times a department inbox page, a stalled query and a month's
 * metrics by department, on SQLite and (when installed) a throwaway PostgreSQL. docs/ledger.md records a run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  caseMetrics,
  departmentInbox,
  openLedger,
  stalledCases,
  writeLedgerBatches,
  type Ledger,
} from '../../../ledger';
import type { LedgerBatch } from '../../../workflows/engine/case/ledger-snapshot';
import { madeUpBatch, type MadeUpCase } from '../../../test/helpers/ledger-cases';
import { startPostgres } from '../../../test/helpers/postgres-server';
import { CN_MAINLAND } from '../../../test/workflows/engine/case/fixtures/calendars';
import type { BenchPart } from '../bench-part';
import { markdownTable, num } from '../report/table';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-06-15T10:00:00+08:00');
const OPEN = Number(process.env.BENCH_LEDGER_OPEN ?? 20_000);
const CLOSED = Number(process.env.BENCH_LEDGER_CLOSED ?? 100_000);
const RUNS = 40;
const DEPARTMENTS = Array.from({ length: 20 }, (_, i) => `dept-${String(i).padStart(2, '0')}`);
/** 2 districts × 2 streets × 2 communities × 2 grids. */
const GRIDS = ['440104', '440106'].flatMap((d) =>
  ['001', '002'].flatMap((s) => ['001', '002'].flatMap((c) => ['001', '002'].map((g) => `${d}${s}${c}${g}`))),
);

/** A deterministic spread of cases: open ones due around now, closed ones over the past year. */
function madeUpCase(i: number): MadeUpCase {
  const open = i < OPEN;
  const openedAt = open ? NOW - ((i * 7_919) % (20 * DAY)) : NOW - 30 * DAY - ((i * 104_729) % (330 * DAY));
  const dueAt = openedAt + 2 * DAY + ((i * 13) % 5) * DAY;
  return {
    caseId: `B-${String(i).padStart(7, '0')}`,
    status: open ? 'open' : 'closed',
    openedAt,
    dueAt,
    ...(open ? { stepDueAt: dueAt - DAY } : { resolvedAt: openedAt + ((i * 31) % 96) * HOUR }),
    department: DEPARTMENTS[i % DEPARTMENTS.length]!,
    grid: GRIDS[i % GRIDS.length]!,
    reworked: i % 17 === 0,
    extended: i % 23 === 0,
    ...(open ? {} : { satisfaction: i % 5 === 0 ? 'unsatisfied' : 'satisfied' }),
  };
}

async function seed(ledger: Ledger): Promise<number> {
  const started = performance.now();
  const total = OPEN + CLOSED;
  for (let from = 0; from < total; from += 500) {
    const batches: LedgerBatch[] = [];
    for (let i = from; i < Math.min(total, from + 500); i += 1)
      batches.push(madeUpBatch(madeUpCase(i), CN_MAINLAND));
    await writeLedgerBatches(ledger, batches, NOW);
  }
  return (total / (performance.now() - started)) * 1000;
}

async function time(run: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

type Timing = { p50: number; p95: number };

async function benchEngine(
  ledger: Ledger,
): Promise<{ seededPerSecond: number; timings: Record<string, Timing> }> {
  const seededPerSecond = await seed(ledger);
  const timings = {
    'inbox page (50)': await time((i) =>
      departmentInbox(ledger, { department: DEPARTMENTS[i % 20]!, limit: 50, now: NOW }),
    ),
    'stalled, district, overdue (50)': await time((i) =>
      stalledCases(ledger, { region: i % 2 === 0 ? '440104' : '440106', overdue: true, limit: 50, now: NOW }),
    ),
    "a month's metrics by department": await time((i) =>
      caseMetrics(ledger, {
        period: 'month',
        from: `2026-0${1 + (i % 5)}-01`,
        to: `2026-0${1 + (i % 5)}-28`,
        by: 'department',
        region: '440100',
        excludeSuspended: false,
        now: NOW,
      }),
    ),
  };
  return { seededPerSecond, timings };
}

async function onSqlite() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-ledger-bench-'));
  const ledger = await openLedger({ file: path.join(dir, 'ledger.sqlite') });
  try {
    return await benchEngine(ledger);
  } finally {
    await ledger.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres() {
  const postgres = await startPostgres();
  if (postgres === undefined) return undefined;
  const ledger = await openLedger({ databaseUrl: await postgres.createDatabase() });
  try {
    return await benchEngine(ledger);
  } finally {
    await ledger.close();
    await postgres.remove();
  }
}

export const ledgerPart: BenchPart = {
  name: 'ledger',
  summary: `the case ledger with ${OPEN} open and ${CLOSED} closed cases: inbox, stalled, metrics (SQLite, PostgreSQL)`,
  async run(session) {
    const results = { sqlite: await onSqlite(), postgres: await onPostgres() };
    const rows: string[][] = [];
    for (const [engine, result] of Object.entries(results)) {
      if (result === undefined) {
        rows.push([engine, 'not installed', '', '', '']);
        continue;
      }
      for (const [query, { p50, p95 }] of Object.entries(result.timings)) {
        rows.push([engine, query, num(p50, 1), num(p95, 1), num(result.seededPerSecond)]);
      }
    }
    console.log(markdownTable(['engine', 'query', 'p50 ms', 'p95 ms', 'cases seeded per s'], rows));
    await session.save('ledger', { open: OPEN, closed: CLOSED, runs: RUNS, ...results });
  },
};
