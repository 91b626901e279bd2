import type { WorkingCalendar } from '../../../../workflows/engine/calendar-model';
import type { Clock } from '../../../../workflows/engine/flow-model';
import { addDuration, formatInstant, parseDuration, parseInstant } from '../../../../workflows/engine/time';
import type { SkippedDays } from '../../../../workflows/engine/time';
import { berlin, cnMainland, cnWithSpecialDays } from './calendar-fixtures';

interface Case {
  readonly name: string;
  readonly calendar?: WorkingCalendar;
  readonly start: string;
  readonly duration: string;
  readonly clock?: Clock;
  readonly expected: string;
  readonly skipped?: Partial<Record<'weekends' | 'holidays' | 'makeUpWorkdays' | 'specialDays', string[]>>;
}

function deadline(c: Case): { at: string; explanation: string; skipped: SkippedDays } {
  const calendar = c.calendar ?? cnMainland;
  const result = addDuration(
    calendar,
    parseInstant(c.start),
    parseDuration(c.duration),
    c.clock ?? 'working',
  );
  return {
    at: formatInstant(result.at, calendar.timezone),
    explanation: result.explanation,
    skipped: result.skipped,
  };
}

const SPRING_FESTIVAL = ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`);
const NATIONAL_DAY = ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`);

const WORKING_CASES: Case[] = [
  {
    name: 'skips a weekend',
    start: '2026-03-06T16:30:00+08:00',
    duration: '4h',
    expected: '2026-03-09T11:30:00+08:00',
    skipped: { weekends: ['2026-03-07', '2026-03-08'] },
  },
  {
    name: 'counts a make-up Saturday before the Spring Festival',
    start: '2026-02-13T10:00:00+08:00',
    duration: '1d',
    expected: '2026-02-14T10:00:00+08:00',
    skipped: { makeUpWorkdays: ['2026-02-14'] },
  },
  {
    name: 'skips the whole Spring Festival',
    start: '2026-02-14T17:30:00+08:00',
    duration: '1d',
    expected: '2026-02-24T17:30:00+08:00',
    skipped: { holidays: SPRING_FESTIVAL, makeUpWorkdays: ['2026-02-14'] },
  },
  {
    name: 'skips National Day and counts Sat Oct 10',
    start: '2026-09-29T09:00:00+08:00',
    duration: 'P5D',
    expected: '2026-10-12T09:00:00+08:00',
    skipped: { weekends: ['2026-10-11'], holidays: NATIONAL_DAY, makeUpWorkdays: ['2026-10-10'] },
  },
  {
    name: 'counts make-up Sunday Sep 20',
    start: '2026-09-18T17:00:00+08:00',
    duration: '1h',
    expected: '2026-09-20T09:00:00+08:00',
    skipped: { weekends: ['2026-09-19'], makeUpWorkdays: ['2026-09-20'] },
  },
  {
    name: 'skips Qingming',
    start: '2026-04-03T17:00:00+08:00',
    duration: '1h',
    expected: '2026-04-07T09:00:00+08:00',
    skipped: { holidays: ['2026-04-04', '2026-04-05', '2026-04-06'] },
  },
  {
    name: 'skips New Year and counts Sun Jan 4',
    start: '2025-12-31T17:00:00+08:00',
    duration: '1h',
    expected: '2026-01-04T09:00:00+08:00',
    skipped: { holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], makeUpWorkdays: ['2026-01-04'] },
  },
  {
    name: 'crosses the lunch break',
    start: '2026-03-09T11:00:00+08:00',
    duration: '2h',
    expected: '2026-03-09T15:00:00+08:00',
  },
  {
    name: 'stays at the end of the morning',
    start: '2026-03-09T11:00:00+08:00',
    duration: 'PT1H',
    expected: '2026-03-09T12:00:00+08:00',
  },
  {
    name: 'stays at the end of the day',
    start: '2026-03-09T08:30:00+08:00',
    duration: '1d',
    expected: '2026-03-09T17:30:00+08:00',
  },
  {
    name: 'starts at night on the next morning',
    start: '2026-03-09T20:00:00+08:00',
    duration: '1h',
    expected: '2026-03-10T09:30:00+08:00',
  },
  {
    name: 'starts before office hours',
    start: '2026-03-09T07:00:00+08:00',
    duration: '30m',
    expected: '2026-03-09T09:00:00+08:00',
  },
  {
    name: 'starts during lunch',
    start: '2026-03-09T12:30:00+08:00',
    duration: '30m',
    expected: '2026-03-09T14:30:00+08:00',
  },
  {
    name: 'starts on a weekend',
    start: '2026-03-07T10:00:00+08:00',
    duration: '30m',
    expected: '2026-03-09T09:00:00+08:00',
    skipped: { weekends: ['2026-03-07', '2026-03-08'] },
  },
  {
    name: 'counts half a working day',
    start: '2026-03-09T08:30:00+08:00',
    duration: '0.5d',
    expected: '2026-03-09T12:00:00+08:00',
  },
  {
    name: 'counts half a day across lunch',
    start: '2026-03-09T10:00:00+08:00',
    duration: '0.5d',
    expected: '2026-03-09T15:30:00+08:00',
  },
  {
    name: 'adds days and hours',
    start: '2026-03-09T10:00:00+08:00',
    duration: 'P1DT2H30M',
    expected: '2026-03-10T14:30:00+08:00',
  },
  {
    name: 'goes back to the previous working day',
    start: '2026-03-09T08:45:00+08:00',
    duration: '-30m',
    expected: '2026-03-06T17:15:00+08:00',
    skipped: { weekends: ['2026-03-07', '2026-03-08'] },
  },
  {
    name: 'goes back across lunch',
    start: '2026-03-09T14:30:00+08:00',
    duration: '-PT2H',
    expected: '2026-03-09T10:30:00+08:00',
  },
  {
    name: 'goes back to the start of a period, not the end of the previous',
    start: '2026-03-09T09:30:00+08:00',
    duration: '-1h',
    expected: '2026-03-09T08:30:00+08:00',
  },
  {
    name: 'counts a special half day and skips a special day off',
    calendar: cnWithSpecialDays,
    start: '2026-03-10T10:00:00+08:00',
    duration: '4h',
    expected: '2026-03-12T10:30:00+08:00',
    skipped: { specialDays: ['2026-03-10', '2026-03-11'] },
  },
  {
    name: 'crosses the year end onto New Year’s Day 2027, a statutory holiday by rule',
    start: '2026-12-31T10:00:00+08:00',
    duration: '1d',
    expected: '2027-01-04T10:00:00+08:00',
    skipped: { holidays: ['2027-01-01'], weekends: ['2027-01-02', '2027-01-03'] },
  },
  {
    name: 'skips weekends and the statutory holidays in 2027',
    start: '2026-12-31T10:00:00+08:00',
    duration: '2d',
    expected: '2027-01-05T10:00:00+08:00',
    skipped: { holidays: ['2027-01-01'], weekends: ['2027-01-02', '2027-01-03'] },
  },
  {
    name: 'returns the start for a zero duration',
    start: '2026-03-07T10:00:00+08:00',
    duration: '0',
    expected: '2026-03-07T10:00:00+08:00',
  },
  {
    name: 'counts working hours across the spring DST change in Berlin',
    calendar: berlin,
    start: '2026-03-27T13:00:00+01:00',
    duration: '1d',
    expected: '2026-03-30T13:00:00+02:00',
    skipped: { weekends: ['2026-03-28', '2026-03-29'] },
  },
];

const CALENDAR_CASES: Case[] = [
  {
    name: 'adds calendar days over holidays',
    start: '2026-10-02T10:00:00+08:00',
    duration: 'P3D',
    expected: '2026-10-05T10:00:00+08:00',
  },
  {
    name: 'adds hours at night',
    start: '2026-03-06T22:00:00+08:00',
    duration: '4h',
    expected: '2026-03-07T02:00:00+08:00',
  },
  {
    name: 'adds days and hours',
    start: '2026-03-06T22:00:00+08:00',
    duration: '1d4h',
    expected: '2026-03-08T02:00:00+08:00',
  },
  {
    name: 'adds half a calendar day as 12 hours',
    start: '2026-03-06T22:00:00+08:00',
    duration: '0.5d',
    expected: '2026-03-07T10:00:00+08:00',
  },
  {
    name: 'goes back in calendar days',
    start: '2026-03-09T08:45:00+08:00',
    duration: '-1d',
    expected: '2026-03-08T08:45:00+08:00',
  },
  {
    name: 'keeps the wall clock across spring DST',
    calendar: berlin,
    start: '2026-03-28T10:00:00+01:00',
    duration: '1d',
    expected: '2026-03-29T10:00:00+02:00',
  },
  {
    name: 'counts 24 elapsed hours across spring DST',
    calendar: berlin,
    start: '2026-03-28T10:00:00+01:00',
    duration: 'PT24H',
    expected: '2026-03-29T11:00:00+02:00',
  },
  {
    name: 'keeps the wall clock across autumn DST',
    calendar: berlin,
    start: '2026-10-24T12:00:00+02:00',
    duration: '1d',
    expected: '2026-10-25T12:00:00+01:00',
  },
  {
    name: 'goes back across autumn DST',
    calendar: berlin,
    start: '2026-10-25T12:00:00+01:00',
    duration: '-1d',
    expected: '2026-10-24T12:00:00+02:00',
  },
];

describe('addDuration on the working clock', () => {
  it.each(WORKING_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = deadline(c);
    expect(result.at).toBe(c.expected);
    expect(result.skipped).toEqual({
      weekends: [],
      holidays: [],
      makeUpWorkdays: [],
      specialDays: [],
      ...c.skipped,
    });
  });

  it('explains the deadline in one line', () => {
    expect(deadline(WORKING_CASES[0]!).explanation).toBe(
      '4 working hours from Fri 2026-03-06 16:30 on cn-mainland (08:30–12:00, 14:00–17:30, Asia/Shanghai): ' +
        'night of 2026-03-06 skipped; weekend 2026-03-07, 2026-03-08 skipped → Mon 2026-03-09 11:30',
    );
  });

  it('names the nights and counts the lunch breaks a deadline skips', () => {
    const start = Date.parse('2026-03-03T11:00:00+08:00');
    const { explanation } = addDuration(cnMainland, start, parseDuration('2d'), 'working');
    // Tue 11:00 + 14 working hours → Thu 11:00: the nights of Tue and Wed, the lunch breaks of Tue and Wed.
    expect(explanation).toContain('nights of 2026-03-03, 2026-03-04 skipped; 2 lunch breaks skipped');
    expect(explanation).toMatch(/→ Thu 2026-03-05 11:00$/);
  });

  it('names holidays, make-up workdays, special days and a start outside working hours', () => {
    const national = deadline(WORKING_CASES[3]!).explanation;
    expect(national).toContain('5 working days from Tue 2026-09-29 09:00');
    expect(national).toContain('weekend 2026-10-11 skipped; holidays 2026-10-01 to 2026-10-07 skipped');
    expect(national).toContain('make-up workdays 2026-10-10 counted');
    const special = deadline(WORKING_CASES.find((c) => c.calendar === cnWithSpecialDays)!).explanation;
    expect(special).toContain('special hours on 2026-03-10 (08:30–12:00) counted');
    expect(special).toContain('special day off 2026-03-11 skipped');
    const night = deadline(
      WORKING_CASES.find((c) => c.name === 'starts at night on the next morning')!,
    ).explanation;
    expect(night).toContain('outside working hours, counting from Tue 2026-03-10 08:30');
  });

  it('says "before" for a negative duration', () => {
    expect(deadline(WORKING_CASES.find((c) => c.duration === '-30m')!).explanation).toMatch(
      /^30 working minutes before Mon 2026-03-09 08:45 .* → Fri 2026-03-06 17:15$/,
    );
  });
});

describe('addDuration on the calendar clock', () => {
  it.each(CALENDAR_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = deadline({ ...c, clock: 'calendar' });
    expect(result.at).toBe(c.expected);
    expect(result.skipped).toEqual({ weekends: [], holidays: [], makeUpWorkdays: [], specialDays: [] });
  });

  it('explains the deadline with the zone and calendar', () => {
    expect(deadline({ ...CALENDAR_CASES[0]!, clock: 'calendar' }).explanation).toBe(
      '3 calendar days from Fri 2026-10-02 10:00 (calendar clock, Asia/Shanghai, calendar cn-mainland) → Mon 2026-10-05 10:00',
    );
  });
});
