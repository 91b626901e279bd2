import { DateTime } from 'luxon';
import { addDuration, parseDuration, parseInstant } from '../../../../workflows/engine/time';
import { workingDayAt, workingDayOf } from '../../../../workflows/engine/time/working-days';
import { berlin, cnMainland } from './calendar-fixtures';

const MINUTE = 60_000;

describe('workingDayAt (the remembered day holding an instant)', () => {
  it.each([
    ['Europe/Berlin across the spring change', berlin, '2026-03-27T00:00:00+01:00'],
    ['Europe/Berlin across the autumn change', berlin, '2026-10-23T00:00:00+02:00'],
    ['Asia/Shanghai across a holiday week', cnMainland, '2026-09-28T00:00:00+08:00'],
  ])('is the day luxon finds, every 17 minutes of a week (%s)', (_, calendar, from) => {
    const start = parseInstant(from);
    for (let at = start; at < start + 7 * 24 * 60 * MINUTE; at += 17 * MINUTE) {
      const expected = workingDayOf(calendar, DateTime.fromMillis(at, { zone: calendar.timezone }));
      expect(workingDayAt(calendar, at)).toEqual(expected);
    }
  });

  it('puts the last millisecond of a day in that day and its next midnight in the next', () => {
    const midnight = parseInstant('2026-03-10T00:00:00+08:00');
    expect(workingDayAt(cnMainland, midnight - 1).date).toBe('2026-03-09');
    expect(workingDayAt(cnMainland, midnight).date).toBe('2026-03-10');
  });

  it('gives each case its own copy of a calendar the same deadlines as the original', () => {
    const start = parseInstant('2026-09-30T16:00:00+08:00');
    const fiveDays = parseDuration('5d');
    const original = addDuration(cnMainland, start, fiveDays, 'working');
    const copy = addDuration(structuredClone(cnMainland), start, fiveDays, 'working');
    expect(copy).toEqual(original);
  });
});
