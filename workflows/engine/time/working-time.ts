import type { WorkingCalendar } from '../calendar-model';
import { DurationInvalidError } from './time-errors';
import { walkDays, workingDayAt } from './working-days';

/**
 * The instant `millis` of working time after `start` (before it when negative). Counting starts at the next
 * working moment; a result that lands exactly on the end of a period stays there (12:00, not 14:00).
 */
export function addWorkingMillis(calendar: WorkingCalendar, start: number, millis: number): number {
  if (!Number.isFinite(millis)) throw new DurationInvalidError(String(millis), 'not a finite number of ms');
  if (millis === 0) return start;
  return millis > 0 ? forward(calendar, start, millis) : backward(calendar, start, -millis);
}

/** Working time between two instants, in ms; negative when `to` is before `from`. */
export function workingMillisBetween(calendar: WorkingCalendar, from: number, to: number): number {
  if (to < from) return -workingMillisBetween(calendar, to, from);
  let total = 0;
  return walkDays(calendar, from, 1, (day) => {
    if (day.start >= to) return total;
    for (const [start, end] of day.intervals) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    return undefined;
  });
}

/** Whether `at` lies inside a working period (start included, end excluded). */
export function isWorkingTime(calendar: WorkingCalendar, at: number): boolean {
  return workingDayAt(calendar, at).intervals.some(([start, end]) => start <= at && at < end);
}

/** The first working moment at or after `at`. */
export function nextWorkingMoment(calendar: WorkingCalendar, at: number): number {
  return walkDays(calendar, at, 1, (day) => {
    const interval = day.intervals.find(([, end]) => end > at);
    return interval === undefined ? undefined : Math.max(interval[0], at);
  });
}

function forward(calendar: WorkingCalendar, start: number, millis: number): number {
  let remaining = millis;
  return walkDays(calendar, start, 1, (day) => {
    for (const [from, to] of day.intervals) {
      if (to <= start) continue;
      const begin = Math.max(from, start);
      if (remaining <= to - begin) return begin + remaining;
      remaining -= to - begin;
    }
    return undefined;
  });
}

function backward(calendar: WorkingCalendar, start: number, millis: number): number {
  let remaining = millis;
  return walkDays(calendar, start, -1, (day) => {
    for (const [from, to] of [...day.intervals].reverse()) {
      if (from >= start) continue;
      const end = Math.min(to, start);
      if (remaining <= end - from) return end - remaining;
      remaining -= end - from;
    }
    return undefined;
  });
}
