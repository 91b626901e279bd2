import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import type { WorkingCalendarFile } from './calendar-schema';
import { expandHolidayRules } from './expand-holiday-rules';

/**
 * Years after the current one whose holidays are expanded from a calendar's rules. Cases pin what they start
 * with, and the longest limits of the shipped flows are months; five years leaves room for long suspensions.
 * A deadline past the last expanded year counts weekends only and is marked provisional.
 */
export const RULE_YEARS_AHEAD = 5;

/**
 * The `WorkingCalendar` a case pins: the file's lists, and for every year from the first published one (or the
 * current one) to `RULE_YEARS_AHEAD` years on that is not published, the days off of its rules.
 */
export function buildWorkingCalendar(file: WorkingCalendarFile, today: Date): WorkingCalendar {
  const { holidayRules, publishedYears, ...lists } = file;
  const published = publishedYears === undefined ? {} : { publishedYears };
  if (holidayRules === undefined || holidayRules.length === 0) return { ...lists, ...published };
  const thisYear = DateTime.fromJSDate(today, { zone: file.timezone }).year;
  const through = thisYear + RULE_YEARS_AHEAD;
  const from = Math.min(thisYear, ...(publishedYears ?? []));
  const years = Array.from({ length: through - from + 1 }, (_, i) => from + i).filter(
    (year) => !(publishedYears ?? []).includes(year),
  );
  const listed = new Set(lists.holidays);
  const worked = new Set(lists.workdays);
  const ruled = expandHolidayRules(holidayRules, years)
    .map(({ date }) => date)
    .filter((date) => !listed.has(date) && !worked.has(date));
  return { ...lists, holidays: [...lists.holidays, ...ruled], ...published, rulesExpandedThrough: through };
}
