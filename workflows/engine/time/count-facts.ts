/**
 * What a deadline's count went through, as language-neutral facts: computed once with the deadline, then worded
 * by one formatter per language (explain-deadline.ts in English, explain-deadline-zh.ts in Chinese).
 */
import type { WorkingCalendar, WorkingPeriod } from '../calendar-model';
import type { Clock, DurationSpec } from '../flow-model';
import type { ProvisionalFacts } from './provisional';
import { provisionalFacts } from './provisional';
import { walkDays, workingDayAt } from './working-days';
import { isWorkingTime, nextWorkingMoment } from './working-time';

/** Local dates `YYYY-MM-DD` that a working-time deadline skipped or counted specially. */
export interface SkippedDays {
  readonly weekends: string[];
  readonly holidays: string[];
  readonly makeUpWorkdays: string[];
  readonly specialDays: string[];
}

/** A date with its own working periods (none: a special day off). */
export interface SpecialDay {
  readonly date: string;
  readonly periods: readonly WorkingPeriod[];
}

/**
 * The facts of one count: `start` plus (minus, when negative) `duration` on `clock` reached `at`. Lists and counts
 * that are empty are left out, so that a deadline kept in a case's state stays small.
 */
export interface CountFacts {
  readonly start: number;
  readonly duration: Pick<DurationSpec, 'days' | 'millis' | 'negative'>;
  readonly clock: Clock;
  readonly at: number;
  /** Started outside working hours: counting began at this first working moment. */
  readonly countedFrom?: number;
  /** Overnight gaps crossed, named by the evening's date. */
  readonly nights?: readonly string[];
  readonly lunchBreaks?: number;
  readonly weekends?: readonly string[];
  readonly holidays?: readonly string[];
  /** Weekend days worked (调休上班) that were counted. */
  readonly makeUpWorkdays?: readonly string[];
  /** Days with special hours counted, or special days off skipped. */
  readonly specialDays?: readonly SpecialDay[];
  /** Why the count may still move: years without a published arrangement. */
  readonly provisional?: ProvisionalFacts;
}

/** The facts of counting `duration` on `clock` from `start` to `at` on `calendar`. */
export function countFacts(
  calendar: WorkingCalendar,
  start: number,
  duration: DurationSpec,
  clock: Clock,
  at: number,
): CountFacts {
  const { days, millis, negative } = duration;
  const base: CountFacts = { start, duration: { days, millis, negative }, clock, at };
  if (clock === 'calendar') return base;
  const from = Math.min(start, at);
  const to = Math.max(start, at);
  const counted = at !== start;
  const skipped = counted ? skippedDaysBetween(calendar, from, to) : undefined;
  const breaks = counted ? breaksBetween(calendar, from, to) : undefined;
  const provisional = provisionalFacts(calendar, start, at, clock);
  return {
    ...base,
    ...(counted && !negative && !isWorkingTime(calendar, start)
      ? { countedFrom: nextWorkingMoment(calendar, start) }
      : {}),
    ...nonEmpty('nights', breaks?.nights),
    ...(breaks !== undefined && breaks.lunchBreaks > 0 ? { lunchBreaks: breaks.lunchBreaks } : {}),
    ...nonEmpty('weekends', skipped?.weekends),
    ...nonEmpty('holidays', skipped?.holidays),
    ...nonEmpty('makeUpWorkdays', skipped?.makeUpWorkdays),
    ...nonEmpty(
      'specialDays',
      skipped?.specialDays.map((date) => ({ date, periods: calendar.specialHours?.[date] ?? [] })),
    ),
    ...(provisional !== undefined ? { provisional } : {}),
  };
}

/** The days a count's facts name, as `SkippedDays` (empty lists for what it left out). */
export function skippedDaysOf(facts: CountFacts): SkippedDays {
  return {
    weekends: [...(facts.weekends ?? [])],
    holidays: [...(facts.holidays ?? [])],
    makeUpWorkdays: [...(facts.makeUpWorkdays ?? [])],
    specialDays: (facts.specialDays ?? []).map((day) => day.date),
  };
}

/** Weekends and holidays skipped, make-up workdays and special days met, on the local dates from `from` to `to`. */
export function skippedDaysBetween(calendar: WorkingCalendar, from: number, to: number): SkippedDays {
  const skipped: SkippedDays = { weekends: [], holidays: [], makeUpWorkdays: [], specialDays: [] };
  const last = workingDayAt(calendar, to).date;
  return walkDays(calendar, from, 1, (day) => {
    if (day.kind === 'weekend') skipped.weekends.push(day.date);
    if (day.kind === 'holiday') skipped.holidays.push(day.date);
    if (day.kind === 'makeUpWorkday') skipped.makeUpWorkdays.push(day.date);
    if (day.kind === 'special') skipped.specialDays.push(day.date);
    return day.date >= last ? skipped : undefined;
  });
}

/** The overnight gaps (named by the evening's date) and lunch breaks a working-time span crosses. */
export function breaksBetween(
  calendar: WorkingCalendar,
  from: number,
  to: number,
): { nights: string[]; lunchBreaks: number } {
  const nights: string[] = [];
  let lunchBreaks = 0;
  let previous: { end: number; date: string } | undefined;
  return walkDays(calendar, from, 1, (day) => {
    if (day.start > to) return { nights, lunchBreaks };
    for (const [start, end] of day.intervals) {
      if (previous !== undefined && previous.end >= from && start <= to && previous.end < start) {
        if (previous.date === day.date) lunchBreaks += 1;
        else nights.push(previous.date);
      }
      previous = { end, date: day.date };
    }
    return undefined;
  });
}

function nonEmpty<K extends string, T>(key: K, list: readonly T[] | undefined): { [P in K]?: readonly T[] } {
  return (list !== undefined && list.length > 0 ? { [key]: list } : {}) as { [P in K]?: readonly T[] };
}

const DAY_MILLIS = 86_400_000;

/** The date after a `YYYY-MM-DD` date (proleptic Gregorian, as luxon counts). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MILLIS).toISOString().slice(0, 10);
}

/** Runs of consecutive dates: three or more become `[first, last]` ranges, shorter runs stay single dates. */
export function dateRuns(dates: readonly string[]): (string | readonly [string, string])[] {
  const runs: string[][] = [];
  for (const date of dates) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run !== undefined && previous !== undefined && nextDate(previous) === date) run.push(date);
    else runs.push([date]);
  }
  return runs.flatMap((run): (string | readonly [string, string])[] =>
    run.length >= 3 ? [[run[0] ?? '', run[run.length - 1] ?? '']] : run,
  );
}
