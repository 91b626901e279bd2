/**
 * Performance metrics from the ledger (docs/metrics.md): per period (the local day, week, month or quarter in
 * which a case counts as 应结案) and per region, department, flow or stage: cases due, closed, closed on time,
 * 结案率, 按期结案率, 返工率, 延期率, 满意率, median and p90 handling time in working hours, overdue now.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { LedgerTables } from '../ledger-tables';
import type { Period } from '../local-periods';
import type { Ledger } from '../open-ledger';
import { inRegion } from './case-filters';

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

type Scope = LedgerTables & {
  c: LedgerTables['ledger_cases'];
  d: LedgerTables['ledger_case_departments'];
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

/** The matching cases, joined to what the grouping needs, with `period` and `grp` selected. */
async function scoped(
  ledger: Ledger,
  request: MetricsRequest,
): Promise<SelectQueryBuilder<Scope, 'c' | 'd' | 'r', { period: string | null; grp: string | null }>> {
  const depth = await regionDepth(ledger, request.region);
  // Join only what the grouping needs: a join that matches nothing still costs a scan per case in SQLite.
  const cases = ledger.db.selectFrom('ledger_cases as c');
  const base = (request.by === 'department'
    ? cases.innerJoin('ledger_case_departments as d', 'd.case_id', 'c.case_id')
    : request.by === 'region'
      ? cases.leftJoin('ledger_case_regions as r', (join) =>
          join.onRef('r.case_id', '=', 'c.case_id').on('r.depth', '=', depth + 1),
        )
      : cases) as unknown as SelectQueryBuilder<Scope, 'c' | 'd' | 'r', object>;
  const group: RawBuilder<string | null> =
    request.by === 'department'
      ? sql<string | null>`d.department`
      : request.by === 'region'
        ? sql<string>`coalesce(r.region, c.region)`
        : request.by === 'flow'
          ? sql<string>`c.flow_id`
          : request.by === 'stage'
            ? sql<string>`c.stage`
            : sql<string>`'all'`;
  let query = base
    .select([sql<string | null>`${sql.ref(PERIOD_COLUMNS[request.period])}`.as('period'), group.as('grp')])
    .where('c.reckon_day', '>=', request.from)
    .where('c.reckon_day', '<=', request.to);
  if (request.region !== undefined) query = query.where((eb) => inRegion(eb, request.region!));
  if (request.flowId !== undefined) query = query.where('c.flow_id', '=', request.flowId);
  if (request.excludeSuspended) query = query.where('c.suspended', '=', 0);
  return query as unknown as SelectQueryBuilder<
    Scope,
    'c' | 'd' | 'r',
    { period: string | null; grp: string | null }
  >;
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;

/** Milliseconds as hours with two decimals. */
function hoursOf(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100;
}

/**
 * The metrics rows, by period then group, in one pass over the matching cases: the counts are sums, and the
 * median and p90 handling times are picked by nearest rank from the same rows, ranked per group by a window
 * function over the closed cases that have a handling time (window functions exist in both engines).
 */
export async function caseMetrics(ledger: Ledger, request: MetricsRequest): Promise<MetricsRow[]> {
  const now = request.now;
  const cases = (await scoped(ledger, request)).select([
    'c.closed',
    'c.on_time',
    'c.reworks',
    'c.extensions',
    'c.satisfaction',
    'c.overdue_from',
    'c.claim_overdue_from',
    'c.handling_working_ms as ms',
    sql<number>`case when c.closed = 1 and c.handling_working_ms is not null then 1 else 0 end`.as('timed'),
  ]);
  const ranked = ledger.db
    .selectFrom(cases.as('h'))
    .selectAll('h')
    .select([
      sql<number>`row_number() over (partition by h.period, h.grp, h.timed order by h.ms)`.as('rn'),
      sql<number>`count(*) over (partition by h.period, h.grp, h.timed)`.as('n'),
    ]);
  const counts = await ledger.db
    .selectFrom(ranked.as('m'))
    .select([
      'm.period',
      'm.grp',
      (eb) => eb.fn.countAll<number>().as('due'),
      (eb) => eb.fn.sum<number>('m.closed').as('closed'),
      (eb) => eb.fn.sum<number>('m.on_time').as('on_time'),
      sql<number>`sum(case when m.closed = 1 and m.reworks > 0 then 1 else 0 end)`.as('reworked'),
      sql<number>`sum(case when m.extensions > 0 then 1 else 0 end)`.as('extended'),
      sql<number>`sum(case when m.satisfaction is not null then 1 else 0 end)`.as('rated'),
      sql<number>`sum(case when m.satisfaction in ('satisfied', 'basically-satisfied') then 1 else 0 end)`.as(
        'satisfied',
      ),
      sql<number>`sum(case when m.closed = 0 and m.overdue_from is not null and m.overdue_from < ${now} then 1 else 0 end)`.as(
        'overdue_now',
      ),
      sql<number>`sum(case when m.closed = 0 and m.claim_overdue_from is not null and m.claim_overdue_from < ${now} then 1 else 0 end)`.as(
        'claim_overdue_now',
      ),
      sql<number | null>`max(case when m.timed = 1 and m.rn = (m.n + 1) / 2 then m.ms end)`.as('median'),
      sql<number | null>`max(case when m.timed = 1 and m.rn = (9 * m.n + 9) / 10 then m.ms end)`.as('p90'),
    ])
    .groupBy(['m.period', 'm.grp'])
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
        handlingHoursMedian: hoursOf(row.median === null ? null : Number(row.median)),
        handlingHoursP90: hoursOf(row.p90 === null ? null : Number(row.p90)),
        overdueNow: Number(row.overdue_now ?? 0),
        claimOverdueNow: Number(row.claim_overdue_now ?? 0),
      };
    })
    .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group));
}
