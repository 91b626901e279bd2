/**
 * A working calendar (docs/api.md, "Calendars"; docs/flow-language.md, "Clocks and calendars"), as loaded and
 * validated by config/calendars/. Plain data so that a case can pin it.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `["08:30", "12:00"]`: a working period within a day, local time, start before end. */
export type WorkingPeriod = readonly [string, string];

export interface WorkingCalendar {
  readonly name: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  readonly timezone: string;
  readonly workingHours: readonly WorkingPeriod[];
  readonly weekend: readonly Weekday[];
  /** Local dates `YYYY-MM-DD` that are days off (放假). */
  readonly holidays: readonly string[];
  /** Local weekend dates `YYYY-MM-DD` that are worked (调休上班). */
  readonly workdays: readonly string[];
  /** Local dates with their own working periods (half days); an empty list makes the day a day off. */
  readonly specialHours?: Readonly<Record<string, readonly WorkingPeriod[]>>;
  /**
   * Years whose official arrangement (放假调休) is listed exactly in `holidays` and `workdays`, ascending. Other
   * years hold only the statutory holidays of the calendar's rules, so deadlines counted through them are
   * provisional. Absent: the calendar has no yearly arrangement (its rules or lists are final).
   */
  readonly publishedYears?: readonly number[];
  /**
   * The last year whose holidays were expanded from the calendar file's rules into `holidays` when the case
   * started; after it no holiday is known. Absent: the calendar has no rules.
   */
  readonly rulesExpandedThrough?: number;
  /**
   * The published revision this is (docs/calendar-revisions.md): 1, 2, … as stored in the ledger; absent for a
   * calendar file as loaded, never published (revision 0).
   */
  readonly revision?: number;
}
