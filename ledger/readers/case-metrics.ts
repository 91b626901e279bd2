/**
 * Performance metrics from the ledger (docs/metrics.md): per period (the local day, week, month or quarter in
 * which a case counts as 应结案) and per region, department, flow or stage: cases due, closed, closed on time,
 * 结案率, 按期结案率, 返工率, 延期率, 满意率, median and p90 handling time in working hours, overdue now.
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { LedgerTables } from '../ledger-tables';
import type { Period } from '../local-periods';
import type { Ledger } from '../open-ledger';
import { regionPathNeedle } from '../region-paths';

export const METRIC_GROUPS = ['none', 'region', 'department', 'flow', 'stage'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export interface MetricsRequest {
  readonly period: Period;
  /** First and last local day (`yyyy-MM-dd`) whose 应结案 cases count. */
  readonly from: string;
  readonly to: string;
  readonly by: MetricGroup;
  /** Only cases in this region or under it; `by: region` groups by the regions one level below it. */
  readonly region?: string;
  readonly flowId?: string;
  /** Jinhua's variant: cases suspended (缓办) now leave the denominator. */
  readonly excludeSuspended: boolean;
  readonly now: number;
}

/** One row of metrics; rates in percent with two decimals, null when their denominator is 0. */
export interface MetricsRow {
  readonly period: string;
  readonly group: string;
  readonly due: number;
  readonly closed: number;
  readonly closedOnTime: number;
  readonly closureRate: number | null;
  readonly onTimeRate: number | null;
  readonly reworked: number;
  readonly reworkRate: number | null;
  readonly extended: number;
  readonly extensionRate: number | null;
  readonly rated: number;
  readonly satisfied: number;
  readonly satisfactionRate: number | null;
  readonly handlingHoursMedian: number | null;
  readonly handlingHoursP90: number | null;
  readonly overdueNow: number;
  /** Of the due cases, those open with a step unclaimed past its claim limit (签收时限) now. */
  readonly claimOverdueNow: number;
}

/**
 * What a metrics query reads as `c`: the cases (`ledger_cases`), or by department each case once per department
 * that worked on it (`ledger_department_metrics`, the same columns and `department`); `r` is the case's region one
 * level below the asked one, for `by: region`.
 */
type Scope = LedgerTables & {
  c: LedgerTables['ledger_cases'] & { department: string };
  r: LedgerTables['ledger_case_regions'];
};

const PERIOD_COLUMNS = {
  day: 'c.reckon_day',
  week: 'c.reckon_week',
  month: 'c.reckon_month',
  quarter: 'c.reckon_quarter',
} as const;

/** Depth of the region in the chains the ledger holds; the top level (0) when unknown or none asked. */
async function regionDepth(ledger: Ledger, region: string | undefined): Promise<number> {
  if (region === undefined) return -1;
  const row = await ledger.db
    .selectFrom('ledger_case_regions')
    .select('depth')
    .where('region', '=', region)
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? -1 : Number(row.depth);
}

/** The case lies in `region` or under it: its stored chain holds the code (no probe per case). */
function inRegionPath(ledger: Ledger, region: string): RawBuilder<SqlBool> {
  const needle = regionPathNeedle(region);
  return ledger.engine === 'postgres'
    ? sql<SqlBool>`strpos(c.region_path, ${needle}) > 0`
    : sql<SqlBool>`instr(c.region_path, ${needle}) > 0`;
}

/** The matching cases (by department: case and department pairs), and what they are grouped by. */
interface Matching {
  readonly query: SelectQueryBuilder<Scope, 'c' | 'r', object>;
  readonly group: RawBuilder<string | null>;
}

async function scoped(ledger: Ledger, request: MetricsRequest): Promise<Matching> {
  const depth = await regionDepth(ledger, request.region);
  const db = ledger.db as unknown as Kysely<Scope>;
  // By department, the copy of each case's metric columns per department, read from one narrow index; else the
  // cases themselves, from their covering index. Join only what the grouping needs.
  const source =
    request.by === 'department'
      ? db.selectFrom('ledger_department_metrics as c' as 'c')
      : db.selectFrom('ledger_cases as c' as 'c');
  let query = (request.by === 'region'
    ? source.leftJoin('ledger_case_regions as r', (join) =>
        join.onRef('r.case_id', '=', 'c.case_id').on('r.depth', '=', depth + 1),
      )
    : source) as unknown as SelectQueryBuilder<Scope, 'c' | 'r', object>;
  const group: RawBuilder<string | null> =
    request.by === 'department'
      ? sql<string>`c.department`
      : request.by === 'region'
        ? sql<string>`coalesce(r.region, c.region)`
        : request.by === 'flow'
          ? sql<string>`c.flow_id`
          : request.by === 'stage'
            ? sql<string>`c.stage`
            : sql<string>`'all'`;
  query = query.where('c.reckon_day', '>=', request.from).where('c.reckon_day', '<=', request.to);
  if (request.region !== undefined) query = query.where(inRegionPath(ledger, request.region));
  if (request.flowId !== undefined) query = query.where('c.flow_id', '=', request.flowId);
  if (request.excludeSuspended) query = query.where('c.suspended', '=', 0);
  return { query, group };
}

/** The counts of a metrics row, each a sum over the matching cases (of 0/1 for the conditional ones). */
const COUNTS = [
  'due',
  'closed',
  'on_time',
  'reworked',
  'extended',
  'rated',
  'satisfied',
  'overdue_now',
  'claim_overdue_now',
] as const;

/**
 * The counts and the listed handling times of the matching cases per local day and group. Grouped by day first,
 * because the day leads the covering indexes: SQLite then aggregates as it reads, without sorting every row (the
 * day's week, month and quarter follow from the day, so `min` picks the one the day has).
 */
function perDay(matching: Matching, period: Period, now: number) {
  return matching.query
    .select([
      sql<string | null>`min(${sql.ref(PERIOD_COLUMNS[period])})`.as('period'),
      matching.group.as('grp'),
      (eb) => eb.fn.countAll<number>().as('due'),
      (eb) => eb.fn.sum<number>('c.closed').as('closed'),
      (eb) => eb.fn.sum<number>('c.on_time').as('on_time'),
      sql<number>`sum(case when c.closed = 1 and c.reworks > 0 then 1 else 0 end)`.as('reworked'),
      sql<number>`sum(case when c.extensions > 0 then 1 else 0 end)`.as('extended'),
      sql<number>`sum(case when c.satisfaction is not null then 1 else 0 end)`.as('rated'),
      sql<number>`sum(case when c.satisfaction in ('satisfied', 'basically-satisfied') then 1 else 0 end)`.as(
        'satisfied',
      ),
      sql<number>`sum(case when c.closed = 0 and c.overdue_from is not null and c.overdue_from < ${now} then 1 else 0 end)`.as(
        'overdue_now',
      ),
      sql<number>`sum(case when c.closed = 0 and c.claim_overdue_from is not null and c.claim_overdue_from < ${now} then 1 else 0 end)`.as(
        'claim_overdue_now',
      ),
      // string_agg: PostgreSQL's, and SQLite's since 3.44 (better-sqlite3 12 ships 3.5x).
      sql<
        string | null
      >`string_agg(case when c.closed = 1 then cast(c.handling_working_ms as text) end, ',')`.as('handling'),
    ])
    .groupBy([sql.ref('c.reckon_day'), sql.ref('grp')]);
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;

/** Milliseconds as hours with two decimals. */
function hoursOf(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100;
}

/** The median and p90 (nearest rank) of handling times sent as `1,2,3` in any order; null without any. */
function handlingPercentiles(listed: string | null): { median: number | null; p90: number | null } {
  if (listed === null || listed === '') return { median: null, p90: null };
  const sorted = Float64Array.from(listed.split(','), Number).sort();
  const n = sorted.length;
  return { median: sorted[Math.floor((n + 1) / 2) - 1]!, p90: sorted[Math.floor((9 * n + 9) / 10) - 1]! };
}

/**
 * The metrics rows, by period then group, in one grouped pass over the matching cases: the counts are sums, and
 * each group's handling times (closed cases that have one) come back listed, to be ranked here for the median
 * and p90 by nearest rank (ranking in SQL with window functions sorted every matching row twice: most of the
 * read's time on SQLite).
 */
export async function caseMetrics(ledger: Ledger, request: MetricsRequest): Promise<MetricsRow[]> {
  const days = perDay(await scoped(ledger, request), request.period, request.now);
  const counts = await ledger.db
    .selectFrom(days.as('g'))
    .select([
      'g.period',
      'g.grp',
      ...COUNTS.map((count) => sql<number>`sum(${sql.ref(`g.${count}`)})`.as(count)),
      sql<string | null>`string_agg(g.handling, ',')`.as('handling'),
    ])
    .groupBy(['g.period', 'g.grp'])
    .execute();
  return counts
    .filter((row) => row.period !== null && row.grp !== null)
    .map((row): MetricsRow => {
      const due = Number(row.due);
      const closed = Number(row.closed ?? 0);
      const onTime = Number(row.on_time ?? 0);
      const reworked = Number(row.reworked ?? 0);
      const extended = Number(row.extended ?? 0);
      const rated = Number(row.rated ?? 0);
      const satisfied = Number(row.satisfied ?? 0);
      const handling = handlingPercentiles(row.handling);
      return {
        period: row.period!,
        group: row.grp!,
        due,
        closed,
        closedOnTime: onTime,
        closureRate: percent(closed, due),
        onTimeRate: percent(onTime, due),
        reworked,
        reworkRate: percent(reworked, closed),
        extended,
        extensionRate: percent(extended, due),
        rated,
        satisfied,
        satisfactionRate: percent(satisfied, rated),
        handlingHoursMedian: hoursOf(handling.median),
        handlingHoursP90: hoursOf(handling.p90),
        overdueNow: Number(row.overdue_now ?? 0),
        claimOverdueNow: Number(row.claim_overdue_now ?? 0),
      };
    })
    .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group));
}
