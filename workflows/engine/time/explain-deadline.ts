import type { WorkingCalendar } from '../calendar-model';
import type { CountFacts, SpecialDay } from './count-facts';
import { dateRuns } from './count-facts';
import { describeLocal } from './instants';
import { describeProvisional } from './provisional';

/** What an explanation names of the calendar a count ran on. */
export type CalendarNaming = Pick<WorkingCalendar, 'name' | 'timezone' | 'workingHours'>;

/**
 * One readable line, e.g. "4 working hours from Fri 2026-03-06 16:30 on cn-mainland (08:30–12:00, 14:00–17:30,
 * Asia/Shanghai): night of 2026-03-06 skipped; weekend 2026-03-07, 2026-03-08 skipped → Mon 2026-03-09 11:30",
 * followed by " (provisional: …)" when the count is provisional.
 */
export function explainDeadline(facts: CountFacts, calendar: CalendarNaming): string {
  const line = explainCount(facts, calendar);
  return facts.provisional === undefined
    ? line
    : `${line} (provisional: ${describeProvisional(facts.provisional)})`;
}

function explainCount(facts: CountFacts, calendar: CalendarNaming): string {
  const { start, duration, clock, at } = facts;
  const zone = calendar.timezone;
  const direction = duration.negative ? 'before' : 'from';
  const amount = `${describeAmount(facts)} ${direction} ${describeLocal(start, zone)}`;
  if (clock === 'calendar') {
    return `${amount} (calendar clock, ${zone}, calendar ${calendar.name}) → ${describeLocal(at, zone)}`;
  }
  const hours = calendar.workingHours.map(([from, to]) => `${from}–${to}`).join(', ');
  const notes: string[] = [];
  if (facts.countedFrom !== undefined) {
    notes.push(`outside working hours, counting from ${describeLocal(facts.countedFrom, zone)}`);
  }
  const nights = facts.nights ?? [];
  if (nights.length > 0)
    notes.push(`${nights.length === 1 ? 'night' : 'nights'} of ${listDates(nights)} skipped`);
  if (facts.lunchBreaks !== undefined) notes.push(`${plural(facts.lunchBreaks, 'lunch break')} skipped`);
  if (facts.weekends !== undefined) notes.push(`weekend ${listDates(facts.weekends)} skipped`);
  if (facts.holidays !== undefined) notes.push(`holidays ${listDates(facts.holidays)} skipped`);
  if (facts.makeUpWorkdays !== undefined) {
    notes.push(`make-up workdays ${listDates(facts.makeUpWorkdays)} counted`);
  }
  for (const day of facts.specialDays ?? []) notes.push(describeSpecialDay(day));
  const details = notes.length > 0 ? `: ${notes.join('; ')}` : '';
  return `${amount} on ${calendar.name} (${hours}, ${zone})${details} → ${describeLocal(at, zone)}`;
}

function describeSpecialDay({ date, periods }: SpecialDay): string {
  if (periods.length === 0) return `special day off ${date} skipped`;
  return `special hours on ${date} (${periods.map(([from, to]) => `${from}–${to}`).join(', ')}) counted`;
}

function describeAmount({ duration, clock }: CountFacts): string {
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
  return dateRuns(dates)
    .map((run) => (typeof run === 'string' ? run : `${run[0]} to ${run[1]}`))
    .join(', ');
}
