import type { WorkingCalendar } from '../../../../workflows/engine/calendar-model';
import {
  addDuration,
  addWorkingMillis,
  isWorkingTime,
  parseDuration,
  parseInstant,
  workingDayMillis,
  workingMillisBetween,
} from '../../../../workflows/engine/time';
import { alwaysOpen, berlin, cnMainland } from './calendar-fixtures';

const H = 3_600_000;
const at = parseInstant;

describe('workingDayMillis', () => {
  it('sums the working periods', () => {
    expect(workingDayMillis(cnMainland)).toBe(7 * H);
    expect(workingDayMillis(alwaysOpen)).toBe(24 * H);
    expect(workingDayMillis(berlin)).toBe(8 * H);
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-03-09T08:30:00+08:00', true],
    ['2026-03-09T08:29:59+08:00', false],
    ['2026-03-09T11:59:59.999+08:00', true],
    ['2026-03-09T12:00:00+08:00', false],
    ['2026-03-09T17:30:00+08:00', false],
    ['2026-03-07T10:00:00+08:00', false],
    ['2026-02-14T10:00:00+08:00', true],
    ['2026-02-16T10:00:00+08:00', false],
  ])('%s is working time: %s', (text, expected) => {
    expect(isWorkingTime(cnMainland, at(text))).toBe(expected);
  });
});

describe('workingMillisBetween', () => {
  it('counts only working time, negative when reversed', () => {
    const friday = at('2026-03-06T16:30:00+08:00');
    const monday = at('2026-03-09T11:30:00+08:00');
    expect(workingMillisBetween(cnMainland, friday, monday)).toBe(4 * H);
    expect(workingMillisBetween(cnMainland, monday, friday)).toBe(-4 * H);
    expect(
      workingMillisBetween(cnMainland, at('2026-03-09T11:00:00+08:00'), at('2026-03-09T15:00:00+08:00')),
    ).toBe(2 * H);
    expect(workingMillisBetween(cnMainland, friday, friday)).toBe(0);
  });

  it('counts a whole year of the real calendar', () => {
    // 2026 has 261 weekdays; 19 of the 33 holidays fall on weekdays; 6 make-up days: 248 working days.
    const total = workingMillisBetween(
      cnMainland,
      at('2026-01-01T00:00:00+08:00'),
      at('2027-01-01T00:00:00+08:00'),
    );
    expect(total / (7 * H)).toBe(248);
  });
});

describe('addWorkingMillis', () => {
  it('moves a deadline after a suspension', () => {
    expect(addWorkingMillis(cnMainland, at('2026-03-06T16:30:00+08:00'), 4 * H)).toBe(
      at('2026-03-09T11:30:00+08:00'),
    );
    expect(addWorkingMillis(alwaysOpen, at('2026-03-06T16:30:00Z'), 4 * H)).toBe(at('2026-03-06T20:30:00Z'));
  });

  it('rejects a duration that is not a finite number', () => {
    expect(() => addWorkingMillis(cnMainland, at('2026-03-06T16:30:00+08:00'), Number.NaN)).toThrow(
      expect.objectContaining({ name: 'DurationInvalidError' }),
    );
  });
});

describe('a calendar without working time', () => {
  const closed: WorkingCalendar = {
    ...cnMainland,
    name: 'closed',
    weekend: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    workdays: [],
  };

  it('throws instead of searching forever', () => {
    const start = at('2026-03-09T10:00:00+08:00');
    expect(() => addWorkingMillis(closed, start, H)).toThrow(
      expect.objectContaining({ name: 'CalendarNoWorkingTimeError' }),
    );
    expect(() => addWorkingMillis(closed, start, -H)).toThrow(
      expect.objectContaining({ name: 'CalendarNoWorkingTimeError' }),
    );
  });

  it('throws for working days when a calendar has no working hours', () => {
    const empty: WorkingCalendar = { ...cnMainland, name: 'empty', workingHours: [] };
    expect(() => addDuration(empty, at('2026-03-09T10:00:00+08:00'), parseDuration('1d'), 'working')).toThrow(
      expect.objectContaining({ name: 'CalendarNoWorkingTimeError' }),
    );
  });

  it('throws on a malformed working period', () => {
    const broken: WorkingCalendar = { ...cnMainland, name: 'broken', workingHours: [['12:00', '08:00']] };
    expect(() => isWorkingTime(broken, at('2026-03-09T10:00:00+08:00'))).toThrow(
      expect.objectContaining({ name: 'WorkingPeriodInvalidError' }),
    );
  });
});
