import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { Weekday } from '../../workflows/engine/calendar-model';
import { HolidayRuleSchema, WEEKDAY_NAMES } from './holiday-rule-schema';

/** `satisfies` keeps the file's weekday names in step with the model's without importing workflow values. */
const WEEKDAYS = WEEKDAY_NAMES satisfies readonly Weekday[];

const TimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM between 00:00 and 24:00');

const PeriodSchema = z
  .tuple([TimeSchema, TimeSchema])
  .refine(([start, end]) => start < end, 'the start of a period must be before its end');

const PeriodListSchema = z.array(PeriodSchema).superRefine((periods, ctx) => {
  periods.forEach((period, index) => {
    const previous = periods[index - 1];
    if (previous !== undefined && period[0] < previous[1]) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: 'periods must be in order and must not overlap',
      });
    }
  });
});

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((text) => DateTime.fromISO(text).isValid, 'not a real date');

const DateListSchema = z.array(DateSchema).superRefine((dates, ctx) => {
  dates.forEach((date, index) => {
    if (dates.indexOf(date) !== index)
      ctx.addIssue({ code: 'custom', path: [index], message: `${date} is listed twice` });
  });
});

const YearListSchema = z
  .array(z.int().min(1900).max(2200))
  .refine(
    (years) => years.every((year, i) => i === 0 || year > (years[i - 1] ?? year)),
    'list years in order, once each',
  );

/** Keys are checked here rather than by `z.record(DateSchema, …)` so that messages name the problem. */
const SpecialHoursSchema = z.record(z.string(), PeriodListSchema).superRefine((hours, ctx) => {
  for (const date of Object.keys(hours)) {
    const problem = DateSchema.safeParse(date).error?.issues[0]?.message;
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [date], message: problem });
  }
});

/** A calendar file (docs/api.md, "Calendars"); its output is a `WorkingCalendar`. */
export const WorkingCalendarSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
    timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'not a known IANA time zone'),
    workingHours: PeriodListSchema.min(1, 'a calendar needs at least one working period'),
    weekend: z.array(z.enum(WEEKDAYS)),
    holidays: DateListSchema.default([]),
    workdays: DateListSchema.default([]),
    specialHours: SpecialHoursSchema.optional(),
    /** Years whose official arrangement `holidays` and `workdays` list exactly; other years are provisional. */
    publishedYears: YearListSchema.optional(),
    /** Public holidays by rule, expanded at load time for the years not published. */
    holidayRules: z.array(HolidayRuleSchema).optional(),
  })
  // Run even when other fields are invalid, so that one load reports every problem.
  .refine((calendar) => workdayConflicts(calendar).length === 0, {
    path: ['workdays'],
    when: (payload) => workdayConflicts(payload.value).length > 0,
    error: (issue) => workdayConflicts(issue.input).join('; '),
  })
  .refine((calendar) => unpublishedListings(calendar).length === 0, {
    path: ['publishedYears'],
    when: (payload) => unpublishedListings(payload.value).length > 0,
    error: (issue) => unpublishedListings(issue.input).join('; '),
  });

export type WorkingCalendarFile = z.infer<typeof WorkingCalendarSchema>;

/** Make-up workdays that are also holidays or that are not weekend days (so already worked: likely a typo). */
function workdayConflicts(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const { workdays, holidays, weekend } = value as Record<string, unknown>;
  if (!Array.isArray(workdays)) return [];
  return workdays.flatMap((date: unknown) => {
    if (typeof date !== 'string') return [];
    if (Array.isArray(holidays) && holidays.includes(date)) return [`${date} is also a holiday`];
    const weekday = WEEKDAYS[DateTime.fromISO(date).weekday - 1];
    if (weekday === undefined || !Array.isArray(weekend) || weekend.includes(weekday)) return [];
    return [`${date} is a ${weekday}, not a weekend day, so it is already a working day`];
  });
}

/** Listed holidays and make-up workdays outside the published years: they would be mixed with rule-made days. */
function unpublishedListings(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const { publishedYears, holidays, workdays } = value as Record<string, unknown>;
  if (!Array.isArray(publishedYears)) return [];
  const listed = [holidays, workdays].flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []));
  return listed.flatMap((date) => {
    if (typeof date !== 'string' || publishedYears.includes(Number(date.slice(0, 4)))) return [];
    return [`${date} is listed but ${date.slice(0, 4)} is not in publishedYears`];
  });
}
