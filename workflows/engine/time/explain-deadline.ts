import type { WorkingCalendar } from '../calendar-model';
import type { Clock, DurationSpec } from '../flow-model';
import { describeLocal } from './instants';
import { walkDays, workingDayAt } from './working-days';
import { isWorkingTime, nextWorkingMoment } from './working-time';

/** Local dates `YYYY-MM-DD` that a working-time deadline skipped or counted specially. */
export interface SkippedDays {
  readonly weekends: string[];
  readonly holidays: string[];
  readonly makeUpWorkdays: string[];
  readonly specialDays: string[];
}

interface DeadlineFacts {
  readonly calendar: WorkingCalendar;
  readonly start: number;
  readonly duration: DurationSpec;
  readonly clock: Clock;
  readonly at: number;
  readonly skipped: SkippedDays;
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

/**
 * One readable line, e.g. "4 working hours from Fri 2026-03-06 16:30 on cn-mainland (08:30–12:00, 14:00–17:30,
 * Asia/Shanghai): night of 2026-03-06 skipped; weekend 2026-03-07, 2026-03-08 skipped → Mon 2026-03-09 11:30".
 */
export function explainDeadline(facts: DeadlineFacts): string {
  const { calendar, start, duration, clock, at, skipped } = facts;
  const zone = calendar.timezone;
  const direction = duration.negative ? 'before' : 'from';
  const amount = `${describeAmount(duration, clock)} ${direction} ${describeLocal(start, zone)}`;
  if (clock === 'calendar') {
    return `${amount} (calendar clock, ${zone}, calendar ${calendar.name}) → ${describeLocal(at, zone)}`;
  }
  const hours = calendar.workingHours.map(([from, to]) => `${from}–${to}`).join(', ');
  const notes: string[] = [];
  if (at !== start && !duration.negative && !isWorkingTime(calendar, start)) {
    notes.push(
      `outside working hours, counting from ${describeLocal(nextWorkingMoment(calendar, start), zone)}`,
    );
  }
  const { nights, lunchBreaks } = breaksBetween(calendar, Math.min(start, at), Math.max(start, at));
  if (nights.length > 0)
    notes.push(`${nights.length === 1 ? 'night' : 'nights'} of ${listDates(nights)} skipped`);
  if (lunchBreaks > 0) notes.push(`${plural(lunchBreaks, 'lunch break')} skipped`);
  if (skipped.weekends.length > 0) notes.push(`weekend ${listDates(skipped.weekends)} skipped`);
  if (skipped.holidays.length > 0) notes.push(`holidays ${listDates(skipped.holidays)} skipped`);
  if (skipped.makeUpWorkdays.length > 0) {
    notes.push(`make-up workdays ${listDates(skipped.makeUpWorkdays)} counted`);
  }
  for (const date of skipped.specialDays) notes.push(describeSpecialDay(calendar, date));
  const details = notes.length > 0 ? `: ${notes.join('; ')}` : '';
  return `${amount} on ${calendar.name} (${hours}, ${zone})${details} → ${describeLocal(at, zone)}`;
}

function describeSpecialDay(calendar: WorkingCalendar, date: string): string {
  const periods = calendar.specialHours?.[date] ?? [];
  if (periods.length === 0) return `special day off ${date} skipped`;
  return `special hours on ${date} (${periods.map(([from, to]) => `${from}–${to}`).join(', ')}) counted`;
}

function describeAmount(duration: DurationSpec, clock: Clock): string {
  const parts: string[] = [];
  if (duration.days !== 0) parts.push(plural(duration.days, `${clock} day`));
  const totalMinutes = duration.millis / 60_000;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes - hours * 60;
  if (hours !== 0) parts.push(plural(hours, clock === 'working' ? 'working hour' : 'hour'));
  if (minutes !== 0) parts.push(plural(minutes, clock === 'working' ? 'working minute' : 'minute'));
  return parts.length > 0 ? parts.join(' ') : `0 ${clock} time`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** `2026-03-07, 2026-03-08`; three or more consecutive dates as a range: `2026-10-01 to 2026-10-07`. */
function listDates(dates: readonly string[]): string {
  const runs: string[][] = [];
  for (const date of dates) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run !== undefined && previous !== undefined && nextDate(previous) === date) run.push(date);
    else runs.push([date]);
  }
  return runs
    .map((run) => (run.length >= 3 ? `${run[0]} to ${run[run.length - 1]}` : run.join(', ')))
    .join(', ');
}

const DAY_MILLIS = 86_400_000;

/** The date after a `YYYY-MM-DD` date (proleptic Gregorian, as luxon counts). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MILLIS).toISOString().slice(0, 10);
}
