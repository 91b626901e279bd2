import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { loadCalendars } from '../../config/calendars/load-calendars';

const CALENDARS = join(__dirname, '../../config/calendars');
const silent = pino({ level: 'silent' });

async function appAt(now: string) {
  const calendars = await loadCalendars(CALENDARS, new Date(now));
  return createApp({
    logger: silent,
    checkTemporal: () => Promise.resolve(),
    calendars,
    now: () => Date.parse(now),
  });
}

describe('calendar warnings in /readyz and the days-left gauge', () => {
  it('warns in /readyz, still ready, when cn-mainland’s published years end within 60 days', async () => {
    const app = await appAt('2026-11-30T10:00:00+08:00');
    const response = await request(app).get('/readyz').expect(200);
    expect(response.body).toEqual({
      status: 'ready',
      temporal: 'reachable',
      warnings: [
        "calendar cn-mainland: published years end with 2026 (31 days left): deadlines counted into 2027 are provisional; add 2027's holidays and workdays and 2027 to publishedYears once the arrangement is published",
      ],
    });
  });

  it('has no warnings earlier in the year', async () => {
    const app = await appAt('2026-10-01T10:00:00+08:00');
    await request(app).get('/readyz').expect(200, { status: 'ready', temporal: 'reachable' });
  });

  it('shows the days left per calendar with published years in /metrics', async () => {
    const app = await appAt('2026-11-30T10:00:00+08:00');
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toContain('# TYPE fullcycle_calendar_published_days_left gauge');
    expect(metrics.text).toMatch(/^fullcycle_calendar_published_days_left\{calendar="cn-mainland"\} 31$/m);
    expect(metrics.text).not.toMatch(/fullcycle_calendar_published_days_left\{calendar="us-sf"\}/);
  });
});
