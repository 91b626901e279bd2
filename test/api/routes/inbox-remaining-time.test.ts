import request from 'supertest';
import { openLedger, writeLedgerBatch } from '../../../ledger';
import { InboxPageSchema } from '../../../api/schemas';
import { madeUpBatch } from '../../helpers/ledger-cases';
import { CN_MAINLAND } from '../../workflows/engine/case/fixtures/calendars';
import { bearer, createFakeApp, createFakeGateway } from './fake-api';

/** One open step of yuexiu-sanitation per deadline, in an exposed-garbage case (calendar cn-mainland). */
const listed = (caseId: string, dueAt?: string) =>
  madeUpBatch(
    {
      caseId,
      status: 'open',
      openedAt: Date.parse('2026-03-02T09:00:00+08:00'),
      department: 'yuexiu-sanitation',
      grid: '440104001001001',
      ...(dueAt === undefined ? {} : { stepDueAt: Date.parse(dueAt) }),
    },
    CN_MAINLAND,
  );

describe('remaining working time in the inbox', () => {
  it("counts the working minutes to each deadline on the case's calendar, negative once past it", async () => {
    // The fake app's clock: Thursday 2026-03-05 10:00 in Shanghai; cn-mainland works 08:30–12:00 and 14:00–17:30.
    const ledger = await openLedger({ file: ':memory:' });
    for (const batch of [
      listed('GZ-PAST', '2026-03-02T13:30:00+08:00'),
      listed('GZ-TODAY', '2026-03-05T15:00:00+08:00'),
      listed('GZ-MONDAY', '2026-03-09T09:30:00+08:00'),
      listed('GZ-NONE'),
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
    });
  });

  it('says when the working time to a deadline runs through a year whose arrangement is not published', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    for (const batch of [
      listed('GZ-2026', '2026-12-30T09:30:00+08:00'),
      listed('GZ-2027', '2027-01-05T09:30:00+08:00'),
    ])
      await writeLedgerBatch(ledger, batch);
    const response = await request(await createFakeApp(createFakeGateway().gateway, ledger))
      .get('/v1/departments/yuexiu-sanitation/tasks')
      .set('Authorization', await bearer('sanitation'));
    const provisional = Object.fromEntries(
      InboxPageSchema.parse(response.body).items.map((item) => [item.caseId, item.dueProvisional]),
    );
    expect(provisional).toEqual({
      'GZ-2026': undefined,
      'GZ-2027': '2027 arrangement not yet published: statutory holidays assumed',
    });
  });
});
