import type { WorkingCalendar } from '../calendar-model';
import type { Clock, DurationSpec } from '../flow-model';
import type { CountFacts, SkippedDays } from './count-facts';
import { countFacts, skippedDaysOf } from './count-facts';
import { explainDeadline } from './explain-deadline';
import { describeProvisional } from './provisional';
import { inZone } from './instants';
import { CalendarNoWorkingTimeError } from './time-errors';
import { workingDayMillis } from './working-days';
import { addWorkingMillis } from './working-time';

export type { SkippedDays } from './count-facts';

/** A computed deadline with a readable account of how it was reached. */
export interface Deadline {
  /** Epoch ms. */
  readonly at: number;
  readonly explanation: string;
  readonly skipped: SkippedDays;
  /** What the count went through, for the explanation in other languages (explain-deadline-zh.ts). */
  readonly facts: CountFacts;
  /** Why the deadline may still move: it is counted through a year whose arrangement is not yet published. */
  readonly provisional?: string;
}

const DAY_MILLIS = 86_400_000;

/**
 * `start` plus `duration` on `clock` (minus it when the duration is negative). Under `working`, a day is one
 * standard working day of the calendar; under `calendar`, a day is a calendar day in the calendar's time zone.
 */
export function addDuration(
  calendar: WorkingCalendar,
  start: number,
  duration: DurationSpec,
  clock: Clock,
): Deadline {
  const at = instantAfter(calendar, start, duration, clock);
  const facts = countFacts(calendar, start, duration, clock, at);
  const explanation = explainDeadline(facts, calendar);
  const skipped = skippedDaysOf(facts);
  if (facts.provisional === undefined) return { at, skipped, explanation, facts };
  return { at, skipped, explanation, facts, provisional: describeProvisional(facts.provisional) };
}

/**
 * The instant `addDuration` reaches, without the facts and words: for instants nobody reads an explanation of
 * (escalation rungs, wait timers), which would otherwise pay for the walk over the days skipped.
 */
export function instantAfter(
  calendar: WorkingCalendar,
  start: number,
  duration: DurationSpec,
  clock: Clock,
): number {
  return clock === 'working' ? addWorking(calendar, start, duration) : addCalendar(calendar, start, duration);
}

function addWorking(calendar: WorkingCalendar, start: number, duration: DurationSpec): number {
  const dayMillis = workingDayMillis(calendar);
  if (duration.days !== 0 && dayMillis === 0) {
    throw new CalendarNoWorkingTimeError(
      calendar.name,
      inZone(start, calendar.timezone).toISODate() ?? '',
      0,
    );
  }
  const millis = Math.round(duration.days * dayMillis) + duration.millis;
  return addWorkingMillis(calendar, start, duration.negative ? -millis : millis);
}

function addCalendar(calendar: WorkingCalendar, start: number, duration: DurationSpec): number {
  const sign = duration.negative ? -1 : 1;
  const wholeDays = Math.trunc(duration.days);
  const restMillis = Math.round((duration.days - wholeDays) * DAY_MILLIS) + duration.millis;
  const shifted = inZone(start, calendar.timezone).plus({ days: sign * wholeDays });
  return shifted.toMillis() + sign * restMillis;
}
