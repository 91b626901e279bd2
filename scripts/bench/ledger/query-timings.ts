/**
 * Times the ledger's three supervision reads at scale through the HTTP API, each many times with varied
 * parameters (departments, regions, months, filters) after a few untimed warm-up runs: a department inbox page,
 * a stalled query and a month's metrics by department. Each time is the whole request: token check, query,
 * JSON, loopback.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../../api/auth';
import type { LedgerHttpApi } from './ledger-http-api';
import { percentile } from '../report/stats';

export interface QueryTiming {
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Rows the reads returned, on average: they must not be empty answers. */
  readonly rowsMean: number;
  /** The machine's 1-minute load average before and after. */
  readonly load: readonly [number, number];
}

/** What the varied parameters are drawn from. */
export interface QueryScope {
  /** Departments with running steps, busiest first. */
  readonly departments: readonly string[];
  /** The city, its districts and streets. */
  readonly regions: readonly string[];
  readonly districts: readonly string[];
  /** `yyyy-MM` of the 12 months before now. */
  readonly months: readonly string[];
}

const WARM_UP = 5;

async function time(runs: number, read: (i: number) => Promise<number>): Promise<QueryTiming> {
  const before = os.loadavg()[0]!;
  for (let i = 0; i < WARM_UP; i += 1) await read(runs + i);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    rows += await read(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.at(-1)!,
    rowsMean: rows / runs,
    load: [before, os.loadavg()[0]!],
  };
}

const lastDay = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year!, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const query = (params: Record<string, string | number | boolean | undefined>): string =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]): [string, string][] =>
      value === undefined ? [] : [[key, String(value)]],
    ),
  ).toString();

const itemsOf = (body: unknown): number => (body as { items: unknown[] }).items.length;

/**
 * The reads a department and a supervisor make, by name, through the HTTP API as they would: the department's
 * own token for its inbox (a district supervisor's for every third page), the city supervisor's for stalled
 * cases and metrics. Each draws its parameters from `i` and resolves to the number of items answered.
 */
export function supervisionReads(
  api: LedgerHttpApi,
  scope: QueryScope,
): Record<string, (i: number) => Promise<number>> {
  const { departments, regions, districts, months } = scope;
  const at = <T>(items: readonly T[], i: number): T => items[i % items.length]!;
  const city = regions[0]!;
  const supervisor = (region: string): Actor => ({ sub: `supervisor-${region}`, role: 'supervisor', region });
  return {
    'inbox page (50)': async (i) => {
      const dept = at(departments, i);
      const actor: Actor =
        i % 3 === 2 ? supervisor(at(districts, i)) : { sub: `${dept}-officer`, role: 'department', dept };
      return itemsOf(await api.get(`/v1/departments/${dept}/tasks?pageSize=50`, actor));
    },
    'stalled (50)': async (i) => {
      const filters = [
        { overdue: true },
        { overdue: true, department: at(departments, i) },
        { idleFor: 'P3D' },
        {},
      ][i % 4]!;
      const params = query({ pageSize: 50, region: at(regions, i), ...filters });
      return itemsOf(await api.get(`/v1/supervision/stalled?${params}`, supervisor(city)));
    },
    "a month's metrics by department": async (i) => {
      const month = at(months, i);
      const params = query({
        period: 'month',
        from: `${month}-01`,
        to: lastDay(month),
        by: 'department',
        region: i % 4 === 3 ? at(districts, i) : city,
        excludeSuspended: i % 2 === 1,
      });
      return itemsOf(await api.get(`/v1/supervision/metrics?${params}`, supervisor(city)));
    },
  };
}

/** Times each read `runs` times. */
export async function timeSupervisionReads(
  api: LedgerHttpApi,
  scope: QueryScope,
  runs: number,
): Promise<Record<string, QueryTiming>> {
  const timings: Record<string, QueryTiming> = {};
  for (const [name, read] of Object.entries(supervisionReads(api, scope))) {
    timings[name] = await time(runs, read);
  }
  return timings;
}
