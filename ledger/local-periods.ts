/** The local day, ISO week, month and quarter of an instant in a time zone: the periods metrics group by. */
import { DateTime } from 'luxon';

export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type Period = (typeof PERIODS)[number];

/** `2026-03-02`, `2026-W10`, `2026-03`, `2026-Q1` for an instant in `timezone`. */
export function localPeriods(at: number, timezone: string): Record<Period, string> {
  const local = DateTime.fromMillis(at, { zone: timezone });
  return {
    day: local.toFormat('yyyy-MM-dd'),
    week: local.toFormat("kkkk-'W'WW"),
    month: local.toFormat('yyyy-MM'),
    quarter: local.toFormat("yyyy-'Q'q"),
  };
}
