import type { DateTime } from 'luxon';
import type { WorkingCalendar, WorkingPeriod } from '../calendar-model';
import { WEEKDAYS } from '../calendar-model';
import { inZone } from './instants';
import { CalendarNoWorkingTimeError, WorkingPeriodInvalidError } from './time-errors';

/** Why a local date has the working time it has. */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday' | 'special';

/** One local date of a calendar with its working intervals as epoch ms, half-open `[start, end)`, in order. */
export interface WorkingDay {
  readonly date: string;
  /** Local midnight at the start of the date, epoch ms. */
  readonly start: number;
  readonly kind: DayKind;
  readonly intervals: readonly (readonly [number, number])[];
}

/** Days without any working time after which a walk gives up: a calendar this empty is a configuration error. */
export const MAX_IDLE_DAYS = 3 * 366;

const MINUTES_PER_DAY = 24 * 60;

/** Length of a standard working day: the sum of `workingHours`, in ms. */
export function workingDayMillis(calendar: WorkingCalendar): number {
  return calendar.workingHours.reduce((sum, period) => {
    const [start, end] = periodMinutes(calendar, period);
    return sum + (end - start) * 60_000;
  }, 0);
}

/** The working day of the local date that `day` (any time of it, in the calendar's zone) falls on. */
export function workingDayOf(calendar: WorkingCalendar, day: DateTime): WorkingDay {
  const midnight = day.startOf('day');
  const date = midnight.toISODate() ?? '';
  const kind = dayKind(calendar, date, midnight.weekday);
  const periods = kind === 'special' ? (calendar.specialHours?.[date] ?? []) : calendar.workingHours;
  const working = kind === 'weekday' || kind === 'makeUpWorkday' || kind === 'special';
  const intervals: [number, number][] = [];
  for (const period of working ? periods : []) {
    const [start, end] = periodMinutes(calendar, period);
    const from = atMinute(midnight, start);
    const to = atMinute(midnight, end);
    if (to > from) intervals.push([from, to]);
  }
  return { date, start: midnight.toMillis(), kind, intervals };
}

/**
 * Walks the calendar's local days from the one holding `at`, forwards (`step` 1) or backwards (`step` -1),
 * until `visit` returns a value. Throws after `MAX_IDLE_DAYS` consecutive days without working time.
 */
export function walkDays<T>(
  calendar: WorkingCalendar,
  at: number,
  step: 1 | -1,
  visit: (day: WorkingDay) => T | undefined,
): T {
  const days = daysOf(calendar);
  let entry = dayHolding(calendar, days, at);
  let idle = 0;
  for (;;) {
    const result = visit(entry.day);
    if (result !== undefined) return result;
    idle = entry.day.intervals.length === 0 ? idle + 1 : 0;
    if (idle > MAX_IDLE_DAYS) {
      throw new CalendarNoWorkingTimeError(calendar.name, entry.day.date, MAX_IDLE_DAYS);
    }
    entry = dayStartingAt(calendar, days, step === 1 ? entry.next : entry.previous);
  }
}

/** The working day of the local date holding `at`: `workingDayOf` at `at`, remembered. */
export function workingDayAt(calendar: WorkingCalendar, at: number): WorkingDay {
  return dayHolding(calendar, daysOf(calendar), at).day;
}

/** A day with the midnights of its neighbours, so that walking needs no date arithmetic once a day is known. */
interface CachedDay {
  readonly day: WorkingDay;
  readonly next: number;
  readonly previous: number;
}

/** The remembered days of one calendar's content, in the order of their midnights. */
type KnownDays = CachedDay[];

/**
 * Working days are pure functions of the calendar's content and the date: computed once, they make repeated
 * deadline arithmetic cheap. Each case holds its own copy of its pinned calendar (its workflow input), so days are
 * remembered per content (the same calendar file or revision shares them across cases), found through the
 * object. Bounded: a calendar spans a few years of dates, a worker holds a few calendars.
 */
const contentKeys = new WeakMap<WorkingCalendar, string>();
const daysByContent = new Map<string, KnownDays>();
const MAX_CACHED_DAYS = 20_000;
const MAX_CACHED_CALENDARS = 64;

function daysOf(calendar: WorkingCalendar): KnownDays {
  let key = contentKeys.get(calendar);
  if (key === undefined) {
    key = JSON.stringify(calendar);
    contentKeys.set(calendar, key);
  }
  let days = daysByContent.get(key);
  if (days === undefined || days.length >= MAX_CACHED_DAYS) {
    if (days === undefined && daysByContent.size >= MAX_CACHED_CALENDARS) {
      daysByContent.delete(daysByContent.keys().next().value!);
    }
    days = [];
    daysByContent.set(key, days);
  }
  return days;
}

/** The index of the last remembered day starting at or before `at`; -1 when none does. */
function lastStartingBy(days: KnownDays, at: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (days[middle]!.day.start <= at) low = middle + 1;
    else high = middle - 1;
  }
  return high;
}

/** The remembered day whose span `[midnight, next midnight)` holds `at`, computed when not yet known. */
function dayHolding(calendar: WorkingCalendar, days: KnownDays, at: number): CachedDay {
  const candidate = days[lastStartingBy(days, at)];
  if (candidate !== undefined && at < candidate.next) return candidate;
  return dayStartingAt(calendar, days, inZone(at, calendar.timezone).startOf('day').toMillis());
}

function dayStartingAt(calendar: WorkingCalendar, days: KnownDays, midnight: number): CachedDay {
  const index = lastStartingBy(days, midnight);
  const known = days[index];
  if (known !== undefined && known.day.start === midnight) return known;
  const local = inZone(midnight, calendar.timezone);
  const entry: CachedDay = {
    day: workingDayOf(calendar, local),
    next: local.plus({ days: 1 }).startOf('day').toMillis(),
    previous: local.minus({ days: 1 }).startOf('day').toMillis(),
  };
  days.splice(index + 1, 0, entry);
  return entry;
}

function dayKind(calendar: WorkingCalendar, date: string, weekday: number): DayKind {
  if (calendar.specialHours?.[date] !== undefined) return 'special';
  if (calendar.holidays.includes(date)) return 'holiday';
  if (calendar.workdays.includes(date)) return 'makeUpWorkday';
  const name = WEEKDAYS[weekday - 1];
  return name !== undefined && calendar.weekend.includes(name) ? 'weekend' : 'weekday';
}

/** `["08:30", "12:00"]` as minutes after midnight; `24:00` is allowed as an end. */
function periodMinutes(calendar: WorkingCalendar, period: WorkingPeriod): [number, number] {
  const start = toMinutes(period[0]);
  const end = toMinutes(period[1]);
  if (start === undefined || end === undefined || start >= end || start >= MINUTES_PER_DAY) {
    throw new WorkingPeriodInvalidError(calendar.name, period);
  }
  return [start, end];
}

function toMinutes(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= MINUTES_PER_DAY ? minutes : undefined;
}

/** Wall-clock minute of the day as epoch ms; a time inside a DST gap moves forward, as luxon does. */
function atMinute(midnight: DateTime, minutes: number): number {
  if (minutes === MINUTES_PER_DAY) return midnight.plus({ days: 1 }).startOf('day').toMillis();
  return midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}
