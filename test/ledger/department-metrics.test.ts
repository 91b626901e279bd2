/**
 * Metrics by department read each case's figures from a copy kept per department that worked on it
 * (`ledger_department_metrics`, migration 006): on SQLite and PostgreSQL, the copy follows the case's newest
 * write whatever order writes arrive in, keeps a department that handed the case on, and is rebuilt from the rows
 * already there when the migration runs over an existing ledger.
 */
import {
  caseMetrics,
  ledgerMigrator,
  writeLedgerBatches,
  type Ledger,
  type MetricsRequest,
} from '../../ledger';
import { describeEachLedger } from '../helpers/ledger-engines';
import { madeUpBatch, type MadeUpCase } from '../helpers/ledger-cases';
import { at, CN_MAINLAND } from '../workflows/engine/case/fixtures/calendars';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = at('2026-06-10T12:00:00+08:00');
const MAY_4 = at('2026-05-04T09:00:00+08:00');

const write = (ledger: Ledger, ...cases: MadeUpCase[]) =>
  writeLedgerBatches(
    ledger,
    cases.map((c) => madeUpBatch(c, CN_MAINLAND)),
    NOW,
  );

const may = (by: MetricsRequest['by'], region = '440104'): MetricsRequest => ({
  period: 'month',
  from: '2026-05-01',
  to: '2026-05-31',
  by,
  region,
  excludeSuspended: false,
  now: NOW,
});

describeEachLedger('metrics by department', (ledger) => {
  it('follow the newest write of a case, repeated or out of order, and keep the department it left', async () => {
    const base = { caseId: 'MOVED-1', grid: '440104001001001', openedAt: MAY_4, dueAt: MAY_4 + DAY } as const;
    const opened: MadeUpCase = { ...base, status: 'open', department: 'district-a', stepDueAt: MAY_4 + DAY };
    // 改派: the step went to district-b, which closed the case on time.
    const closed: MadeUpCase = {
      ...base,
      status: 'closed',
      department: 'district-b',
      resolvedAt: MAY_4 + HOUR,
    };
    await write(ledger(), opened);
    expect(await caseMetrics(ledger(), may('department'))).toEqual([
      expect.objectContaining({ group: 'district-a', due: 1, closed: 0, overdueNow: 1 }),
    ]);
    for (const order of [[closed], [opened], [closed, opened]]) {
      await write(ledger(), ...order);
      const rows = await caseMetrics(ledger(), may('department'));
      expect(
        rows.map((r) => [r.group, r.due, r.closed, r.closedOnTime, r.overdueNow, r.handlingHoursMedian]),
      ).toEqual([
        ['district-a', 1, 1, 1, 0, 1],
        ['district-b', 1, 1, 1, 0, 1],
      ]);
    }
    expect(await caseMetrics(ledger(), may('department', '440106'))).toEqual([]);
  });

  it('answer the same after migration 006 rebuilt them from a ledger written before it', async () => {
    const cases = Array.from({ length: 40 }, (_, i): MadeUpCase => {
      const openedAt = MAY_4 + (i % 5) * DAY;
      return {
        caseId: `OLD-${i}`,
        grid: i % 3 === 0 ? '440106001001001' : '440104001002001',
        department: ['district-a', 'district-b', 'hotline'][i % 3]!,
        openedAt,
        dueAt: openedAt + 2 * DAY,
        ...(i % 4 === 0
          ? { status: 'open', stepDueAt: openedAt + 2 * DAY }
          : { status: 'closed', resolvedAt: openedAt + (i % 7) * 5 * HOUR }),
        ...(i % 5 === 0 ? { satisfaction: 'satisfied' } : {}),
        ...(i % 6 === 0 ? { reworked: true } : {}),
      } as MadeUpCase;
    });
    await write(ledger(), ...cases);
    const requests = (['department', 'none', 'region'] as const).flatMap((by) =>
      ['440100', '440104', '440106001'].map((region) => may(by, region)),
    );
    const before = await Promise.all(requests.map((request) => caseMetrics(ledger(), request)));
    expect(before[0]!.map((r) => r.group)).toEqual(['district-a', 'district-b', 'hotline']);

    const migrator = ledgerMigrator(ledger().db);
    expect((await migrator.migrateTo('005-case-calendar')).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    for (const [i, request] of requests.entries()) {
      expect(await caseMetrics(ledger(), request)).toEqual(before[i]);
    }
  });
});
