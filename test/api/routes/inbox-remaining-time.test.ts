import request from 'supertest';
import { openLedger, writeLedgerBatch } from '../../../ledger';
import { InboxPageSchema } from '../../../api/schemas';
import { madeUpBatch } from '../../helpers/ledger-cases';
import type { WorkingCalendar } from '../../../workflows/engine/calendar-model';
import type { Clock } from '../../../workflows/engine/flow-model';
import type { LedgerBatch } from '../../../workflows/engine/case/ledger-snapshot';
import { CN_MAINLAND } from '../../workflows/engine/case/fixtures/calendars';
import { bearer, createFakeApp, createFakeGateway } from './fake-api';

/** One open step of yuexiu-sanitation per deadline, in an exposed-garbage case pinned on `calendar`. */
const listed = (
  caseId: string,
  dueAt?: string,
  calendar: WorkingCalendar = CN_MAINLAND,
  stepDueClock?: Clock,
) =>
  madeUpBatch(
    {
      caseId,
      status: 'open',
      openedAt: Date.parse('2026-03-02T09:00:00+08:00'),
      department: 'yuexiu-sanitation',
      grid: '440104001001001',
      ...(dueAt === undefined ? {} : { stepDueAt: Date.parse(dueAt) }),
      ...(stepDueClock === undefined ? {} : { stepDueClock }),
    },
    calendar,
  );

/** cn-mainland as a case pinned it before Friday 2026-03-06 was declared a day off (the files now say otherwise). */
const PINNED_WITH_FRIDAY_OFF: WorkingCalendar = {
  ...CN_MAINLAND,
  holidays: [...CN_MAINLAND.holidays, '2026-03-06'],
};

/** The batch as a run that started before writes carried the calendar sent it. */
const withoutCalendar = (batch: LedgerBatch): LedgerBatch => {
  const { calendar: _calendar, ...snapshot } = batch.snapshot;
  return { ...batch, snapshot };
};

describe('remaining working time in the inbox', () => {
  it("counts the working minutes to each deadline on the case's pinned calendar, negative once past it", async () => {
    // The fake app's clock: Thursday 2026-03-05 10:00 in Shanghai; cn-mainland works 08:30–12:00 and 14:00–17:30.
    const ledger = await openLedger({ file: ':memory:' });
    for (const batch of [
      listed('GZ-PAST', '2026-03-02T13:30:00+08:00'),
      listed('GZ-TODAY', '2026-03-05T15:00:00+08:00'),
      listed('GZ-MONDAY', '2026-03-09T09:30:00+08:00'),
      listed('GZ-NONE'),
      listed('GZ-PINNED', '2026-03-09T09:30:00+08:00', PINNED_WITH_FRIDAY_OFF),
      withoutCalendar(listed('GZ-UNKNOWN', '2026-03-09T09:30:00+08:00')),
    ])
      await writeLedgerBatch(ledger, batch);
    const response = await request(await createFakeApp(createFakeGateway().gateway, ledger))
      .get('/v1/departments/yuexiu-sanitation/tasks')
      .set('Authorization', await bearer('sanitation'));
    const remaining = Object.fromEntries(
      InboxPageSchema.parse(response.body).items.map((item) => [item.caseId, item.remainingWorkingMinutes]),
    );
    expect(remaining).toEqual({
      // Mon 14:00–17:30, Tue and Wed 7 h each, Thu 08:30–10:00: 19 working hours overdue.
      'GZ-PAST': -19 * 60,
      // 10:00–12:00 and 14:00–15:00.
      'GZ-TODAY': 3 * 60,
      // Thu 10:00–17:30 (5.5 h), Fri 7 h, the weekend skipped, Mon 08:30–09:30.
      'GZ-MONDAY': (5.5 + 7 + 1) * 60,
      'GZ-NONE': undefined,
      // The same deadline on the calendar the case pinned, where Friday is off: Thu 5.5 h, Mon 1 h.
      'GZ-PINNED': (5.5 + 1) * 60,
      // No pinned calendar in the ledger yet: no remaining time rather than one counted on another calendar.
      'GZ-UNKNOWN': undefined,
    });
  });

  it('says when the working time to a deadline runs through a year the pinned calendar has not published', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    // As a case started on today's cn-mainland pinned it: 2026 published, later years by rule.
    const published2026: WorkingCalendar = {
      ...CN_MAINLAND,
      publishedYears: [2026],
      rulesExpandedThrough: 2031,
    };
    await writeLedgerBatch(ledger, listed('GZ-2026', '2026-12-30T09:30:00+08:00', published2026));
    await writeLedgerBatch(ledger, listed('GZ-2027', '2027-01-05T09:30:00+08:00', published2026));
    // The same deadline on a calendar pinned without published years (what cases running before them pinned).
    await writeLedgerBatch(ledger, listed('GZ-OLDER', '2027-01-05T09:30:00+08:00'));
    const response = await request(await createFakeApp(createFakeGateway().gateway, ledger))
      .get('/v1/departments/yuexiu-sanitation/tasks')
      .set('Authorization', await bearer('sanitation'));
    const provisional = Object.fromEntries(
      InboxPageSchema.parse(response.body).items.map((item) => [item.caseId, item.dueProvisional]),
    );
    expect(provisional).toEqual({
      'GZ-2026': undefined,
      'GZ-2027': '2027 arrangement not yet published: statutory holidays assumed',
      'GZ-OLDER': undefined,
    });
  });

  it('keeps the calendar a case pinned when later writes do not carry it', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    const first = listed('GZ-LATER', '2026-03-09T09:30:00+08:00', PINNED_WITH_FRIDAY_OFF);
    await writeLedgerBatch(ledger, first);
    const later = withoutCalendar(first);
    await writeLedgerBatch(ledger, {
      ...later,
      events: [{ ...first.events.at(-1)!, seq: first.events.length, type: 'urged' }],
      snapshot: { ...later.snapshot, seq: first.events.length },
    });
    const response = await request(await createFakeApp(createFakeGateway().gateway, ledger))
      .get('/v1/departments/yuexiu-sanitation/tasks')
      .set('Authorization', await bearer('sanitation'));
    expect(InboxPageSchema.parse(response.body).items).toEqual([
      expect.objectContaining({ caseId: 'GZ-LATER', remainingWorkingMinutes: (5.5 + 1) * 60 }),
    ]);
  });

  it("counts the time left on each deadline's own clock: wall-clock minutes for an urgent calendar-clock step", async () => {
    // Thursday 2026-03-05 10:00 in Shanghai; the working day ends at 17:30.
    const ledger = await openLedger({ file: ':memory:' });
    for (const batch of [
      listed('GZ-TONIGHT', '2026-03-05T20:00:00+08:00', CN_MAINLAND, 'calendar'),
      listed('GZ-WORKING', '2026-03-05T20:00:00+08:00', CN_MAINLAND, 'working'),
      listed('GZ-EARLIER', '2026-03-05T09:00:00+08:00', CN_MAINLAND, 'calendar'),
      withoutCalendar(listed('GZ-NO-CALENDAR', '2026-03-05T11:30:00+08:00', CN_MAINLAND, 'calendar')),
      listed('GZ-OLD-ROW', '2026-03-05T20:00:00+08:00'),
    ])
      await writeLedgerBatch(ledger, batch);
    const response = await request(await createFakeApp(createFakeGateway().gateway, ledger))
      .get('/v1/departments/yuexiu-sanitation/tasks')
      .set('Authorization', await bearer('sanitation'));
    const left = Object.fromEntries(
      InboxPageSchema.parse(response.body).items.map((item) => [
        item.caseId,
        [item.dueClock, item.remainingMinutes, item.remainingWorkingMinutes],
      ]),
    );
    expect(left).toEqual({
      // 10 hours to 20:00 tonight, of which 10:00–12:00 and 14:00–17:30 are working time.
      'GZ-TONIGHT': ['calendar', 10 * 60, 5.5 * 60],
      'GZ-WORKING': ['working', 5.5 * 60, 5.5 * 60],
      // An hour past it (09:00–10:00, working time too).
      'GZ-EARLIER': ['calendar', -60, -60],
      // A wall clock needs no calendar.
      'GZ-NO-CALENDAR': ['calendar', 90, undefined],
      // A row written before the clock was kept: the working minutes alone, as before.
      'GZ-OLD-ROW': [undefined, undefined, 5.5 * 60],
    });
  });
});
