import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';

/** How long before its published years end a calendar is warned about. */
export const PUBLISHED_YEARS_WARNING_DAYS = 60;

/** Where a calendar's published arrangement ends, seen at some instant. */
export interface PublishedYearsStatus {
  readonly calendar: string;
  readonly lastPublishedYear: number;
  /** Whole days from now until the end of the last published year, in the calendar's zone; negative once past. */
  readonly daysLeft: number;
}

/** The status of every calendar that has published years (`publishedYears`), by name. */
export function publishedYearsStatus(
  calendars: Iterable<WorkingCalendar>,
  now: number,
): PublishedYearsStatus[] {
  return [...calendars].flatMap((calendar) => {
    const lastPublishedYear = calendar.publishedYears?.at(-1);
    if (lastPublishedYear === undefined) return [];
    const end = DateTime.fromObject({ year: lastPublishedYear + 1 }, { zone: calendar.timezone }).startOf(
      'year',
    );
    const daysLeft = Math.floor(end.diff(DateTime.fromMillis(now, { zone: calendar.timezone }), 'days').days);
    return [{ calendar: calendar.name, lastPublishedYear, daysLeft }];
  });
}

/**
 * One warning per calendar whose published years end within `PUBLISHED_YEARS_WARNING_DAYS`, e.g. "calendar
 * cn-mainland: published years end with 2026 (31 days left): deadlines counted into 2027 are provisional; add 2027's
 * holidays and workdays and 2027 to publishedYears once the arrangement is published".
 */
export function publishedYearsWarnings(calendars: Iterable<WorkingCalendar>, now: number): string[] {
  return publishedYearsStatus(calendars, now)
    .filter((status) => status.daysLeft <= PUBLISHED_YEARS_WARNING_DAYS)
    .map(({ calendar, lastPublishedYear, daysLeft }) => {
      const next = lastPublishedYear + 1;
      const left = daysLeft >= 0 ? `${daysLeft} days left` : `ended ${-daysLeft} days ago`;
      return (
        `calendar ${calendar}: published years end with ${lastPublishedYear} (${left}): deadlines counted into ` +
        `${next} are provisional; add ${next}'s holidays and workdays and ${next} to publishedYears once the ` +
        `arrangement is published`
      );
    });
}
