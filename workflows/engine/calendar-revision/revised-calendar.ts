/**
 * The calendar a running case continues on once a revision is published: its pinned days up to today, the new
 * revision's days from tomorrow on (docs/calendars.md). Only days travel: a revision that changes the time zone,
 * the weekend or the working hours changes what every deadline is measured in, and running cases refuse it.
 */
import type { WorkingCalendar } from '../calendar-model';
import type { FieldError } from '../case/case-errors';
import { inZone } from '../time/instants';

/** What a revision changes beyond its days, located at the calendar file's keys; empty when only days change. */
export function calendarIdentityChanges(pinned: WorkingCalendar, published: WorkingCalendar): FieldError[] {
  const errors: FieldError[] = [];
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const only = 'a revision changes days only (holidays, workdays, specialHours)';
  if (published.timezone !== pinned.timezone) {
    errors.push({ path: 'timezone', message: `${only}: the calendar runs in ${pinned.timezone}` });
  }
  if (differs([...published.weekend].sort(), [...pinned.weekend].sort())) {
    errors.push({ path: 'weekend', message: `${only}: the weekend is ${pinned.weekend.join(', ')}` });
  }
  if (differs(published.workingHours, pinned.workingHours)) {
    const hours = pinned.workingHours.map(([from, to]) => `${from}–${to}`).join(', ');
    errors.push({ path: 'workingHours', message: `${only}: the working hours are ${hours}` });
  }
  return errors;
}

/** The first local date a revision published at `now` changes for running cases: tomorrow in `timezone`. */
export function firstRevisedDate(now: number, timezone: string): string {
  return inZone(now, timezone).plus({ days: 1 }).toISODate() ?? '';
}

/** `pinned`'s days before `from` (a local date), `published`'s days from it on; everything else as published. */
export function revisedCalendar(
  pinned: WorkingCalendar,
  published: WorkingCalendar,
  from: string,
): WorkingCalendar {
  const before = (date: string) => date < from;
  const dates = (key: 'holidays' | 'workdays') => [
    ...pinned[key].filter(before),
    ...published[key].filter((date) => !before(date)),
  ];
  const special = Object.fromEntries([
    ...Object.entries(pinned.specialHours ?? {}).filter(([date]) => before(date)),
    ...Object.entries(published.specialHours ?? {}).filter(([date]) => !before(date)),
  ]);
  const { specialHours: _dropped, ...rest } = published;
  return {
    ...rest,
    holidays: dates('holidays'),
    workdays: dates('workdays'),
    ...(Object.keys(special).length > 0 ? { specialHours: special } : {}),
  };
}
