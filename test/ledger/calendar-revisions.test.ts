/**
 * Published calendar revisions in the ledger, on SQLite and PostgreSQL: numbered per calendar, the same content
 * naming the same revision, and the latest replacing the file's calendar for new cases (as after a restart).
 */
import pino from 'pino';
import {
  calendarDigest,
  calendarSourceOf,
  followPublishedCalendars,
  usePublishedCalendars,
} from '../../api/cases/published-calendars';
import { openLedger, type Ledger } from '../../ledger';
import {
  latestCalendarRevisionNumbers,
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

/** Publishes `calendar` as its own file's content would. */
const publish = (ledger: Ledger, calendar: WorkingCalendar, publishedBy: string, publishedAt: number) =>
  publishCalendarRevision(ledger, {
    calendar,
    digest: calendarDigest(calendar),
    publishedBy,
    publishedAt,
    source: { ...calendar },
  });

describeEachLedger('calendar revisions', (ledger) => {
  it('numbers revisions per calendar and answers the latest for the same content', async () => {
    const first = await publish(ledger(), with2027(['2027-01-01']), 'admin-li', 1_000);
    expect(first).toMatchObject({ created: true, published: { calendar: { revision: 1 } } });
    const again = await publish(ledger(), { ...with2027(['2027-01-01']), revision: 7 }, 'admin-wang', 2_000);
    expect(again).toEqual({ created: false, published: first.published });
    const second = await publish(ledger(), with2027(['2027-01-01', '2027-02-16']), 'admin-wang', 3_000);
    expect(second.published).toMatchObject({ publishedBy: 'admin-wang', publishedAt: 3_000 });
    expect(second.published.calendar.revision).toBe(2);
    const other = await publish(ledger(), ALWAYS_OPEN, 'admin-li', 4_000);
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
    const { published } = await publish(ledger(), with2027(['2027-01-01']), 'admin-li', 5_000);
    const calendars = new Map([
      ['cn-mainland', CN_MAINLAND],
      ['always-open', ALWAYS_OPEN],
    ]);
    expect(await usePublishedCalendars(ledger(), calendars)).toEqual(['cn-mainland']);
    expect(calendars.get('cn-mainland')).toEqual({ ...with2027(['2027-01-01']), revision: 3 });
    expect(published.calendar.revision).toBe(3);
    expect(calendars.get('always-open')?.revision).toBe(1);
  });

  it('catches up with a revision published elsewhere and never goes back to an older one', async () => {
    // The ledger holds cn-mainland revisions 1-3 and always-open revision 1 from the tests before.
    expect(await latestCalendarRevisionNumbers(ledger())).toEqual(
      new Map([
        ['always-open', 1],
        ['cn-mainland', 3],
      ]),
    );
    const calendars = new Map<string, WorkingCalendar>([
      ['cn-mainland', CN_MAINLAND],
      ['always-open', ALWAYS_OPEN],
    ]);
    const follower = followPublishedCalendars(ledger(), calendars, pino({ level: 'silent' }));
    await follower.catchUp();
    expect(calendars.get('cn-mainland')).toEqual({ ...with2027(['2027-01-01']), revision: 3 });
    expect(calendars.get('always-open')?.revision).toBe(1);

    // Another instance publishes revision 4: the next catch-up takes it, and never goes back to an older one.
    await publish(ledger(), with2027(['2027-01-01', '2027-01-04']), 'admin-wang', 6_000);
    calendars.set('always-open', { ...ALWAYS_OPEN, revision: 9 });
    await follower.catchUp();
    expect(calendars.get('cn-mainland')).toEqual({ ...with2027(['2027-01-01', '2027-01-04']), revision: 4 });
    expect(calendars.get('always-open')?.revision).toBe(9);
  });
});

describe('catching up with published calendars when the ledger cannot be read', () => {
  it('keeps the calendars loaded and warns', async () => {
    const closed = await openLedger({ file: ':memory:' });
    await closed.close();
    const calendars = new Map<string, WorkingCalendar>([['cn-mainland', { ...CN_MAINLAND, revision: 2 }]]);
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    await followPublishedCalendars(closed, calendars, logger).catchUp();
    expect(calendars.get('cn-mainland')).toEqual({ ...CN_MAINLAND, revision: 2 });
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] ?? '{}')).toMatchObject({
      msg: 'Could not read the latest calendar revisions from the ledger; new cases start on those loaded',
    });
  });
});

describe('what a revision published before its source was kept starts from', () => {
  it('is the calendar itself without rules, and nothing with rules (their holidays are expanded in it)', () => {
    const { revision: _revision, ...content } = { ...ALWAYS_OPEN, revision: 3 };
    expect(calendarSourceOf({ ...ALWAYS_OPEN, revision: 3 })).toEqual(content);
    expect(calendarSourceOf({ ...CN_MAINLAND, revision: 3, rulesExpandedThrough: 2031 })).toBeNull();
  });
});
