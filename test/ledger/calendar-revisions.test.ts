/**
 * Published calendar revisions in the ledger, on SQLite and PostgreSQL: numbered per calendar, the same content
 * naming the same revision, and the latest replacing the file's calendar for new cases (as after a restart).
 */
import { calendarDigest, usePublishedCalendars } from '../../api/cases/published-calendars';
import {
  latestCalendarRevisions,
  publishCalendarRevision,
  readCalendarRevision,
} from '../../ledger/calendar-revisions';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { ALWAYS_OPEN, CN_MAINLAND } from '../workflows/engine/case/fixtures/calendars';
import { describeEachLedger } from '../helpers/ledger-engines';

const with2027 = (holidays: string[]): WorkingCalendar => ({
  ...CN_MAINLAND,
  holidays: [...CN_MAINLAND.holidays, ...holidays],
});

describeEachLedger('calendar revisions', (ledger) => {
  it('numbers revisions per calendar and answers the latest for the same content', async () => {
    const first = await publishCalendarRevision(ledger(), {
      calendar: with2027(['2027-01-01']),
      digest: calendarDigest(with2027(['2027-01-01'])),
      publishedBy: 'admin-li',
      publishedAt: 1_000,
    });
    expect(first).toMatchObject({ created: true, published: { calendar: { revision: 1 } } });
    const again = await publishCalendarRevision(ledger(), {
      calendar: { ...with2027(['2027-01-01']), revision: 7 },
      digest: calendarDigest({ ...with2027(['2027-01-01']), revision: 7 }),
      publishedBy: 'admin-wang',
      publishedAt: 2_000,
    });
    expect(again).toEqual({ created: false, published: first.published });
    const second = await publishCalendarRevision(ledger(), {
      calendar: with2027(['2027-01-01', '2027-02-16']),
      digest: calendarDigest(with2027(['2027-01-01', '2027-02-16'])),
      publishedBy: 'admin-wang',
      publishedAt: 3_000,
    });
    expect(second.published).toMatchObject({ publishedBy: 'admin-wang', publishedAt: 3_000 });
    expect(second.published.calendar.revision).toBe(2);
    const other = await publishCalendarRevision(ledger(), {
      calendar: ALWAYS_OPEN,
      digest: calendarDigest(ALWAYS_OPEN),
      publishedBy: 'admin-li',
      publishedAt: 4_000,
    });
    expect(other.published.calendar.revision).toBe(1);

    expect(
      (await latestCalendarRevisions(ledger())).map((p) => [p.calendar.name, p.calendar.revision]),
    ).toEqual([
      ['always-open', 1],
      ['cn-mainland', 2],
    ]);
    expect(await readCalendarRevision(ledger(), 'cn-mainland', 1)).toEqual(first.published);
    expect(await readCalendarRevision(ledger(), 'cn-mainland', 3)).toBeUndefined();
  });

  it('gives new cases the latest revision in place of the file, and names files that differ from it', async () => {
    // The ledger holds the first test's revisions: this is the next one.
    const { published } = await publishCalendarRevision(ledger(), {
      calendar: with2027(['2027-01-01']),
      digest: calendarDigest(with2027(['2027-01-01'])),
      publishedBy: 'admin-li',
      publishedAt: 5_000,
    });
    const calendars = new Map([
      ['cn-mainland', CN_MAINLAND],
      ['always-open', ALWAYS_OPEN],
    ]);
    expect(await usePublishedCalendars(ledger(), calendars)).toEqual(['cn-mainland']);
    expect(calendars.get('cn-mainland')).toEqual({ ...with2027(['2027-01-01']), revision: 3 });
    expect(published.calendar.revision).toBe(3);
    expect(calendars.get('always-open')?.revision).toBe(1);
  });
});
