/**
 * The calendars new cases start on (docs/calendar-revisions.md): the files', each replaced by its latest published
 * revision from the ledger: at start, after a publication on this instance, and before each case starts or
 * migrates (a publication on another instance, through the `PublicationFollower`).
 */
import type { Ledger } from '../../ledger';
import type { Logger } from 'pino';
import type { CalendarSource } from '../../config/calendars/load-calendars';
import {
  latestCalendarRevisionNumbers,
  latestCalendarRevisions,
  readCalendarRevision,
} from '../../ledger/calendar-revisions';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { requestFingerprint } from './request-digest';
import { publicationFollower, type PublicationFollower } from './publication-follower';

/**
 * A calendar file's content that builds `calendar` again, for a revision published before the ledger kept what it
 * was published from: the calendar's own keys when it has no holiday rules; null when it has (their holidays are
 * expanded in it and the rules themselves are not kept).
 */
export function calendarSourceOf(calendar: WorkingCalendar): CalendarSource | null {
  if (calendar.rulesExpandedThrough !== undefined) return null;
  const { revision: _revision, ...content } = calendar;
  return content;
}

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

/**
 * The follower of the published revisions of `calendars` (the service's map, updated in place): one small query
 * for the revision numbers, and a read of a revision only when it is newer than the one loaded. Run before a case
 * starts or migrates, so that a revision published on any instance applies to the next case on every instance.
 */
export function followPublishedCalendars(
  ledger: Ledger,
  calendars: Map<string, WorkingCalendar>,
  logger: Logger,
): PublicationFollower {
  const loadedRevision = (name: string) => calendars.get(name)?.revision ?? 0;
  return publicationFollower('calendar revisions', logger, async () => {
    for (const [name, revision] of await latestCalendarRevisionNumbers(ledger)) {
      if (!calendars.has(name) || loadedRevision(name) >= revision) continue;
      const published = await readCalendarRevision(ledger, name, revision);
      // Another catch-up may have loaded it (or a later one) meanwhile.
      if (published !== undefined && loadedRevision(name) < revision) {
        calendars.set(name, published.calendar);
        logger.info({ calendar: name, revision }, 'Calendar revision published elsewhere now in use');
      }
    }
  });
}
