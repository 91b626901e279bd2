import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../../workflows/engine/calendar-model';
import { addDuration, parseDuration } from '../../../workflows/engine/time';
import { workingDayOf } from '../../../workflows/engine/time/working-days';
import { shippedCalendar } from '../../workflows/engine/time/calendar-fixtures';

const cn = shippedCalendar('cn-mainland');
const sf = shippedCalendar('us-sf');

const inYear = (calendar: WorkingCalendar, year: number): string[] =>
  calendar.holidays.filter((date) => date.startsWith(`${year}-`)).sort();

function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let day = DateTime.utc(year, 1, 1); day.year === year; day = day.plus({ days: 1 })) {
    dates.push(day.toISODate() ?? '');
  }
  return dates;
}

function deadline(calendar: WorkingCalendar, start: string, within: string): string {
  const at = addDuration(calendar, Date.parse(start), parseDuration(within), 'working').at;
  return DateTime.fromMillis(at, { zone: calendar.timezone }).toFormat('ccc yyyy-MM-dd HH:mm');
}

describe('cn-mainland: statutory holidays by rule (全国年节及纪念日放假办法, 2024 amendment)', () => {
  it('counts 20 working days from Thu 2026-12-24 10:00 without New Year’s Day 2027', () => {
    expect(deadline(cn, '2026-12-24T10:00:00+08:00', '20d')).toBe('Fri 2027-01-22 10:00');
    const explained = addDuration(
      cn,
      Date.parse('2026-12-24T10:00:00+08:00'),
      parseDuration('20d'),
      'working',
    );
    expect(explained.skipped.holidays).toEqual(['2027-01-01']);
  });

  it('makes 除夕 and the first three days of the lunar new year 2027 holidays', () => {
    // 春节 2027: 正月初一 is Sat 2027-02-06, so 除夕 is Fri 2027-02-05.
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(workingDayOf(cn, DateTime.fromISO(date, { zone: cn.timezone })).kind).toBe('holiday');
    }
    expect(workingDayOf(cn, DateTime.fromISO('2027-02-09', { zone: cn.timezone })).kind).toBe('weekday');
  });

  it('gives 2027 exactly the 13 statutory days, with 清明 on its solar term and the lunar festivals', () => {
    expect(inYear(cn, 2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05', // 清明
      '2027-05-01',
      '2027-05-02',
      '2027-06-09', // 端午, 五月初五
      '2027-09-15', // 中秋, 八月十五
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(cn.workdays.filter((date) => date.startsWith('2027-'))).toEqual([]);
  });

  it('keeps the published 2026 arrangement exactly: every 2026 date and deadline is as the list alone gives', () => {
    const listOnly: WorkingCalendar = {
      name: cn.name,
      timezone: cn.timezone,
      workingHours: cn.workingHours,
      weekend: cn.weekend,
      holidays: inYear(cn, 2026),
      workdays: cn.workdays,
    };
    expect(inYear(cn, 2026)).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(cn.publishedYears).toEqual([2026]);
    for (const date of datesOf(2026)) {
      const day = DateTime.fromISO(date, { zone: cn.timezone });
      expect(workingDayOf(cn, day)).toEqual(workingDayOf(listOnly, day));
      const start = `${date}T10:00:00+08:00`;
      const within = deadline(listOnly, start, '5d');
      if (within.includes(' 2026-')) expect(deadline(cn, start, '5d')).toBe(within);
    }
  });

  it('expands the rules from the current year to five years ahead', () => {
    expect(cn.rulesExpandedThrough).toBe(2031);
    expect(inYear(cn, 2030)).toHaveLength(13);
    // 中秋 2031 (八月十五) falls on 2031-10-01, a day of 国庆 already.
    expect(inYear(cn, 2031)).toHaveLength(12);
    expect(inYear(cn, 2031)).toContain('2031-01-22'); // 除夕 2031
    expect(inYear(cn, 2032)).toEqual([]);
  });
});

describe('us-sf: federal holidays by rule', () => {
  // The oracle: OPM's published federal holidays, https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/
  it('matches the dates OPM published for 2026', () => {
    expect(inYear(sf, 2026)).toEqual([
      '2026-01-01', // New Year's Day
      '2026-01-19', // Birthday of Martin Luther King, Jr.
      '2026-02-16', // Washington's Birthday
      '2026-05-25', // Memorial Day
      '2026-06-19', // Juneteenth
      '2026-07-03', // Independence Day (July 4 is a Saturday)
      '2026-09-07', // Labor Day
      '2026-10-12', // Columbus Day
      '2026-11-11', // Veterans Day
      '2026-11-26', // Thanksgiving Day
      '2026-12-25', // Christmas Day
    ]);
  });

  it('matches the dates OPM published for 2027, with Saturday and Sunday holidays observed', () => {
    expect(inYear(sf, 2027)).toEqual([
      '2027-01-01', // New Year's Day
      '2027-01-18', // Birthday of Martin Luther King, Jr.
      '2027-02-15', // Washington's Birthday
      '2027-05-31', // Memorial Day
      '2027-06-18', // Juneteenth (June 19 is a Saturday)
      '2027-07-05', // Independence Day (July 4 is a Sunday)
      '2027-09-06', // Labor Day
      '2027-10-11', // Columbus Day
      '2027-11-11', // Veterans Day
      '2027-11-25', // Thanksgiving Day
      '2027-12-24', // Christmas Day (December 25 is a Saturday)
      '2027-12-31', // New Year's Day 2028 (January 1, 2028 is a Saturday)
    ]);
  });

  it('has no yearly arrangement, so nothing of it is provisional', () => {
    expect(sf.publishedYears).toBeUndefined();
    expect(sf.rulesExpandedThrough).toBe(2031);
  });
});
