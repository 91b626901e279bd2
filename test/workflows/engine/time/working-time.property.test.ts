import fc from 'fast-check';
import {
  addWorkingMillis,
  isWorkingTime,
  parseInstant,
  workingMillisBetween,
} from '../../../../workflows/engine/time';
import { alwaysOpen, berlin, cnMainland, cnWithSpecialDays } from './calendar-fixtures';

const FROM = parseInstant('2025-12-20T00:00:00Z');
const TO = parseInstant('2027-01-10T00:00:00Z');
const MINUTE = 60_000;

const calendarArb = fc.constantFrom(cnMainland, cnWithSpecialDays, berlin, alwaysOpen);
/** Starts anywhere, at minute or millisecond precision (period boundaries are hit more often at minutes). */
const startArb = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE),
);
/** Up to 40 working days of 7 hours. */
const millisArb = fc.oneof(
  fc.integer({ min: 0, max: 40 * 7 * 60 }).map((m) => m * MINUTE),
  fc.integer({ min: 0, max: 40 * 7 * 60 * MINUTE }),
);

describe('working-time arithmetic (properties)', () => {
  it('measures back the working time it added', () => {
    fc.assert(
      fc.property(calendarArb, startArb, millisArb, fc.boolean(), (calendar, start, millis, backwards) => {
        const signed = backwards && millis > 0 ? -millis : millis;
        const end = addWorkingMillis(calendar, start, signed);
        expect(workingMillisBetween(calendar, start, end)).toBe(signed);
      }),
    );
  });

  it('is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(calendarArb, startArb, startArb, millisArb, millisArb, (calendar, s1, s2, d1, d2) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addWorkingMillis(calendar, early, short)).toBeLessThanOrEqual(
          addWorkingMillis(calendar, early, long),
        );
        expect(addWorkingMillis(calendar, early, short)).toBeLessThanOrEqual(
          addWorkingMillis(calendar, late, short),
        );
      }),
    );
  });

  it('lands on working time or exactly at the end of a period', () => {
    fc.assert(
      fc.property(calendarArb, startArb, millisArb, (calendar, start, millis) => {
        fc.pre(millis > 0);
        const end = addWorkingMillis(calendar, start, millis);
        const periodEnd = isWorkingTime(calendar, end - 1) && !isWorkingTime(calendar, end);
        expect(isWorkingTime(calendar, end) || periodEnd).toBe(true);
      }),
    );
  });

  it('goes back to a working start when the same duration is subtracted', () => {
    fc.assert(
      fc.property(calendarArb, startArb, millisArb, (calendar, start, millis) => {
        fc.pre(isWorkingTime(calendar, start));
        const end = addWorkingMillis(calendar, start, millis);
        expect(addWorkingMillis(calendar, end, -millis)).toBe(start);
      }),
    );
  });

  it('adds elapsed time on a calendar that is always open', () => {
    fc.assert(
      fc.property(startArb, millisArb, (start, millis) => {
        expect(addWorkingMillis(alwaysOpen, start, millis)).toBe(start + millis);
      }),
    );
  });
});
