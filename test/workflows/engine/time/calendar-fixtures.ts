import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildWorkingCalendar } from '../../../../config/calendars/build-working-calendar';
import { WorkingCalendarSchema } from '../../../../config/calendars/calendar-schema';
import type { WorkingCalendar } from '../../../../workflows/engine/calendar-model';

const CALENDARS_DIR = join(__dirname, '../../../../config/calendars');

/** The day the tests' calendars are loaded on: rules are expanded for the years from 2026 to 2031. */
export const LOADED_ON = new Date('2026-11-30T00:00:00Z');

/** A shipped calendar file, validated and expanded as the loader would on `LOADED_ON`. */
export function shippedCalendar(name: string): WorkingCalendar {
  const file = WorkingCalendarSchema.parse(parse(readFileSync(join(CALENDARS_DIR, `${name}.yaml`), 'utf8')));
  return buildWorkingCalendar(file, LOADED_ON);
}

export const cnMainland = shippedCalendar('cn-mainland');
export const alwaysOpen = shippedCalendar('always-open');

/** cn-mainland with a half day (Tue 2026-03-10, mornings only) and a special day off (Wed 2026-03-11). */
export const cnWithSpecialDays: WorkingCalendar = {
  ...cnMainland,
  name: 'cn-special',
  specialHours: { '2026-03-10': [['08:30', '12:00']], '2026-03-11': [] },
};

/** Office hours in Berlin: Central European Time switches to summer time on 2026-03-29 and back on 2026-10-25. */
export const berlin: WorkingCalendar = {
  name: 'de-berlin',
  timezone: 'Europe/Berlin',
  workingHours: [['09:00', '17:00']],
  weekend: ['sat', 'sun'],
  holidays: [],
  workdays: [],
};
