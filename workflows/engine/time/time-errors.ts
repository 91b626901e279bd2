/** Errors of the working-time arithmetic; each sets `name` so that it survives as an `ApplicationFailure` type. */

/** Thrown when a duration text is neither ISO 8601 nor a supported short form. */
export class DurationInvalidError extends Error {
  constructor(
    readonly text: string,
    problem: string,
  ) {
    super(`Invalid duration '${text}': ${problem}`);
    this.name = 'DurationInvalidError';
  }
}

/** Thrown when an instant text is not RFC 3339 with a time-zone offset. */
export class InstantInvalidError extends Error {
  constructor(
    readonly text: string,
    problem: string,
  ) {
    super(`Invalid instant '${text}': ${problem}`);
    this.name = 'InstantInvalidError';
  }
}

/** Thrown when a time-zone name is not a known IANA zone. */
export class TimezoneInvalidError extends Error {
  constructor(readonly timezone: string) {
    super(`Unknown IANA time zone '${timezone}'`);
    this.name = 'TimezoneInvalidError';
  }
}

/** Thrown when a calendar's working period is not `["HH:MM", "HH:MM"]` with start before end. */
export class WorkingPeriodInvalidError extends Error {
  constructor(calendar: string, period: readonly string[]) {
    super(`Calendar '${calendar}' has an invalid working period ${JSON.stringify(period)}`);
    this.name = 'WorkingPeriodInvalidError';
  }
}

/** Thrown when a calendar has no working time at all for years, so that no working deadline exists. */
export class CalendarNoWorkingTimeError extends Error {
  constructor(calendar: string, fromDate: string, days: number) {
    super(`Calendar '${calendar}' has no working time in the ${days} days from ${fromDate}`);
    this.name = 'CalendarNoWorkingTimeError';
  }
}
