/**
 * What the calendar revision tests over HTTP share: the fixture flow on the always-open calendar (its `verify`
 * limit passes within seconds, its 3-working-day whole-case limit is still ahead), the admin who publishes, and the
 * calendar file as an admin would send it.
 */
import path from 'node:path';
import type { Actor } from '../../../api/auth';

export const REVISION_FLOW_ID = 'fixture.round-the-clock';
export const REVISION_FLOWS_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  'fixtures',
  'flows',
  'calendar-revision',
);
export const CALENDAR_ADMIN: Actor = { sub: 'admin-calendars', role: 'admin' };
export const DAY = 86_400_000;

/** The UTC date `days` after today. */
export const dateIn = (days: number): string => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** The shipped always-open calendar with `holidays`, as its file would say it. */
export const alwaysOpenFile = (holidays: string[]) => ({
  name: 'always-open',
  timezone: 'UTC',
  workingHours: [['00:00', '24:00']],
  weekend: [],
  holidays,
  workdays: [],
});
