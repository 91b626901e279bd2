/**
 * The calendars new cases start on (docs/calendar-revisions.md): the files', each replaced by its latest published
 * revision from the ledger, at start and after each publication.
 */
import type { Ledger } from '../../ledger';
import { latestCalendarRevisions } from '../../ledger/calendar-revisions';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { requestFingerprint } from './case-gateway';

/** The sha256 of a calendar's content, without its revision number: the same days, the same digest. */
export function calendarDigest(calendar: WorkingCalendar): string {
  const { revision: _revision, ...content } = calendar;
  return requestFingerprint(content);
}

/**
 * Replaces every calendar in `calendars` that has a published revision by the latest one; answers the names of
 * those whose file differs from it (a file edited but not published: the API logs it).
 */
export async function usePublishedCalendars(
  ledger: Ledger,
  calendars: Map<string, WorkingCalendar>,
): Promise<string[]> {
  const differing: string[] = [];
  for (const published of await latestCalendarRevisions(ledger)) {
    const file = calendars.get(published.calendar.name);
    if (file === undefined) continue;
    if (calendarDigest(file) !== published.digest) differing.push(published.calendar.name);
    calendars.set(published.calendar.name, published.calendar);
  }
  return differing;
}
