import { DateTime } from 'luxon';
import { LunarDay, SolarTerm } from 'tyme4ts';
import type { HolidayRule } from './holiday-rule-schema';
import { WEEKDAY_NAMES } from './holiday-rule-schema';

/** A day off a rule gives, with the rule's name. */
export interface RuleHoliday {
  readonly date: string;
  readonly name: string;
}

/**
 * The days off that `rules` give in `years` (local dates `YYYY-MM-DD`, in order). Each rule is computed for the
 * neighbouring years too, so a day that a rule of one year places in another (New Year's Day 2028 observed on
 * Fri 2027-12-31) is kept in the year it falls in.
 */
export function expandHolidayRules(rules: readonly HolidayRule[], years: readonly number[]): RuleHoliday[] {
  if (years.length === 0) return [];
  const wanted = new Set(years);
  const holidays = new Map<string, string>();
  for (let year = Math.min(...years) - 1; year <= Math.max(...years) + 1; year++) {
    for (const rule of rules) {
      if (rule.since !== undefined && year < rule.since) continue;
      for (const day of daysOff(rule, year)) {
        const date = day.toISODate() ?? '';
        if (wanted.has(day.year) && !holidays.has(date)) holidays.set(date, rule.name);
      }
    }
  }
  return [...holidays]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function daysOff(rule: HolidayRule, year: number): DateTime[] {
  const anchor = anchorOf(rule, year);
  if (anchor === undefined) return [];
  const first = anchor.plus({ days: rule.offset });
  if (rule.observed === 'nearest-weekday') return [observedOnWeekday(first)];
  return Array.from({ length: rule.days }, (_, index) => first.plus({ days: index }));
}

/** The day a rule is anchored on in `year`; undefined when the year has none (a lunar 30th of a short month). */
function anchorOf(rule: HolidayRule, year: number): DateTime | undefined {
  if (rule.date !== undefined) {
    const day = gregorian(year, monthOf(rule.date), dayOf(rule.date));
    return day.isValid ? day : undefined; // 02-29 outside leap years
  }
  if (rule.weekday !== undefined && rule.month !== undefined && rule.nth !== undefined) {
    const day = nthWeekday(year, rule.month, WEEKDAY_NAMES.indexOf(rule.weekday) + 1, rule.nth);
    return day.month === rule.month ? day : undefined; // a fifth weekday the month does not have
  }
  if (rule.lunar !== undefined) {
    const [month, day] = [monthOf(rule.lunar), dayOf(rule.lunar)];
    const lunarMonth = LunarDay.fromYmd(year, month, 1).getLunarMonth();
    if (day > lunarMonth.getDayCount()) return undefined;
    const solar = LunarDay.fromYmd(year, month, day).getSolarDay();
    return gregorian(solar.getYear(), solar.getMonth(), solar.getDay());
  }
  if (rule.solarTerm !== undefined) {
    const solar = SolarTerm.fromName(year, rule.solarTerm).getJulianDay().getSolarDay();
    return gregorian(solar.getYear(), solar.getMonth(), solar.getDay());
  }
  return undefined;
}

function nthWeekday(year: number, month: number, weekday: number, nth: number | 'last'): DateTime {
  if (nth === 'last') {
    const last = gregorian(year, month, 1).endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const first = gregorian(year, month, 1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (nth - 1) * 7 });
}

/** 5 U.S.C. 6103(b) and Executive Order 11582: Saturday's holiday on the Friday before, Sunday's on the Monday after. */
function observedOnWeekday(day: DateTime): DateTime {
  if (day.weekday === 6) return day.minus({ days: 1 });
  if (day.weekday === 7) return day.plus({ days: 1 });
  return day;
}

function gregorian(year: number, month: number, day: number): DateTime {
  return DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
}

const monthOf = (monthDay: string): number => Number(monthDay.slice(0, 2));
const dayOf = (monthDay: string): number => Number(monthDay.slice(3, 5));
