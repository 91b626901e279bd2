import { z } from 'zod';
import { SolarTerm } from 'tyme4ts';

/** The same names as the model's `WEEKDAYS`, listed here so that config code imports no workflow values. */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const MonthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a month and day MM-DD');

/** Which keys say when a rule's day falls; a rule has exactly one of them. */
const ANCHORS = ['date', 'weekday', 'lunar', 'solarTerm'] as const;

/**
 * A public-holiday rule of a calendar file (docs/flow-language.md, "Holiday rules"): one or more days off a year,
 * anchored on a Gregorian date, the n-th weekday of a month, a Chinese lunar date or a solar term (节气).
 */
export const HolidayRuleSchema = z
  .strictObject({
    name: z.string().min(1, 'a rule needs a name'),
    /** Gregorian `MM-DD`, e.g. `01-01`. */
    date: MonthDaySchema.optional(),
    /** With `month` and `nth`: the n-th (1–5, or `last`) such weekday of the month. */
    weekday: z.enum(WEEKDAY_NAMES).optional(),
    month: z.int().min(1).max(12).optional(),
    nth: z.union([z.int().min(1).max(5), z.literal('last')]).optional(),
    /** Chinese lunar `MM-DD` (正月初一 is `01-01`), computed for China Standard Time. */
    lunar: MonthDaySchema.refine((text) => Number(text.slice(3)) <= 30, 'a lunar day is 01 to 30').optional(),
    /** A solar term by its Chinese name, e.g. `清明`, computed for China Standard Time. */
    solarTerm: z
      .string()
      .refine((name) => SolarTerm.NAMES.includes(name), 'not a solar term (e.g. 清明, 冬至)')
      .optional(),
    /** Days from the anchor to the first day off, e.g. -1 for 除夕 (the eve of `lunar: 01-01`). */
    offset: z.int().min(-31).max(31).default(0),
    /** Consecutive days off from the first. */
    days: z.int().min(1).max(31).default(1),
    /** `nearest-weekday`: a one-day holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday after. */
    observed: z.literal('nearest-weekday').optional(),
    /** First year the rule applies (a law's effective date); earlier years are not expanded. */
    since: z.int().min(1900).max(2200).optional(),
  })
  .superRefine((rule, ctx) => {
    const anchors = ANCHORS.filter((key) => rule[key] !== undefined);
    if (anchors.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a rule needs exactly one of ${ANCHORS.join(', ')} (found ${anchors.join(', ') || 'none'})`,
      });
    }
    const weekdayKeys = (['month', 'nth'] as const).filter((key) => rule[key] !== undefined);
    if (rule.weekday !== undefined && weekdayKeys.length !== 2) {
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'weekday needs month and nth' });
    }
    if (rule.weekday === undefined && weekdayKeys.length > 0) {
      ctx.addIssue({ code: 'custom', path: [weekdayKeys[0]!], message: 'month and nth go with weekday' });
    }
    if (rule.observed !== undefined && rule.days !== 1) {
      ctx.addIssue({ code: 'custom', path: ['observed'], message: 'observed applies to one-day holidays' });
    }
  });

export type HolidayRule = z.infer<typeof HolidayRuleSchema>;
