/**
 * The months a supervisor looks at (`YYYY-MM`, the months of each case's calendar zone, docs/metrics.md) and the
 * metrics query for them: by month, in the supervisor's region, every month of the span listed even without cases.
 */
import type { Schemas } from '../api/client';

export type MetricsRow = Schemas['MetricsRow'];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The longest span drawn (three years of months). */
export const MAX_MONTHS = 36;

export function isMonth(text: string | null | undefined): text is string {
  return text !== null && text !== undefined && MONTH.test(text);
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, inclusive (at most MAX_MONTHS, the latest kept); none when `to` is earlier. */
export function monthsBetween(from: string, to: string): string[] {
  const first = Math.max(monthIndex(from), monthIndex(to) - MAX_MONTHS + 1);
  return Array.from({ length: Math.max(0, monthIndex(to) - first + 1) }, (_, i) => monthOfIndex(first + i));
}

/** The twelve months up to and including `today`'s (a `YYYY-MM-DD`). */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const to = today.slice(0, 7);
  return { from: monthOfIndex(monthIndex(to) - 11), to };
}

/** The metrics query for the months `from`..`to`: their first and last local days. */
export function monthlyQuery(from: string, to: string) {
  const after = monthOfIndex(monthIndex(to) + 1);
  const lastDay = new Date(Date.UTC(Number(after.slice(0, 4)), Number(after.slice(5, 7)) - 1, 0));
  return {
    period: 'month' as const,
    by: 'none' as const,
    from: `${from}-01`,
    to: lastDay.toISOString().slice(0, 10),
  };
}

/** What the dashboard shows of a month. */
export type MonthRow = Pick<
  MetricsRow,
  'period' | 'due' | 'closed' | 'closedOnTime' | 'closureRate' | 'onTimeRate' | 'rated' | 'satisfactionRate'
>;

/** One row per month of the span: the API's (it lists only months with due cases) or an empty one. */
export function rowsByMonth(months: readonly string[], rows: readonly MetricsRow[]): MonthRow[] {
  const byPeriod = new Map<string, MonthRow>(rows.map((row) => [row.period, row]));
  return months.map(
    (month) =>
      byPeriod.get(month) ?? {
        period: month,
        due: 0,
        closed: 0,
        closedOnTime: 0,
        closureRate: null,
        onTimeRate: null,
        rated: 0,
        satisfactionRate: null,
      },
  );
}
