/**
 * Metrics from the ledger (docs/metrics.md), on SQLite and PostgreSQL: Tianmen's published month (972 due, 911
 * closed, 737 on time → 结案率 93.72 %, 按期结案率 75.82 %), Jinhua's variant without 缓办 cases, the other rates,
 * handling time in working hours, and the groupings.
 */
import { caseMetrics, writeLedgerBatches, type Ledger } from '../../ledger';
import { describeEachLedger } from '../helpers/ledger-engines';
import { madeUpBatch, type MadeUpCase } from '../helpers/ledger-cases';
import { at, CN_MAINLAND } from '../workflows/engine/case/fixtures/calendars';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = at('2026-04-10T12:00:00+08:00');
/** Mondays 09:00 in March 2026 (Shanghai): cases open then, due 8 working hours later (Tuesday 10:00). */
const MONDAYS = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'].map((d) =>
  at(`${d}T09:00:00+08:00`),
);

/** All in one call (one transaction, a handful of statements): a thousand one by one outlast a hook's timeout on
 * PostgreSQL when the machine is loaded. */
async function seed(ledger: Ledger, cases: readonly MadeUpCase[]): Promise<void> {
  await writeLedgerBatches(
    ledger,
    cases.map((c) => madeUpBatch(c, CN_MAINLAND)),
    NOW,
  );
}

/** Tianmen's month: 737 closed on time, 174 closed late, 61 still open past their deadline. */
function tianmenMonth(): MadeUpCase[] {
  return Array.from({ length: 972 }, (_, i): MadeUpCase => {
    const openedAt = MONDAYS[i % 4]!;
    const dueAt = openedAt + DAY + HOUR; // Tuesday 10:00 = 8 working hours
    const kind = i < 737 ? 'on-time' : i < 911 ? 'late' : 'open';
    return {
      caseId: `TM-${String(i).padStart(4, '0')}`,
      grid: '440104001001001',
      department: Math.floor(i / 4) % 2 === 0 ? 'tianmen-a' : 'tianmen-b',
      openedAt,
      dueAt,
      status: kind === 'open' ? 'open' : 'closed',
      ...(kind === 'on-time' ? { resolvedAt: openedAt + 2 * HOUR } : {}),
      ...(kind === 'late' ? { resolvedAt: dueAt + DAY } : {}),
      ...(kind === 'open' ? { stepDueAt: dueAt } : {}),
    };
  });
}

describeEachLedger('metrics', (ledger) => {
  beforeAll(async () => {
    await seed(ledger(), tianmenMonth());
  });

  it("reproduces Tianmen's published 结案率 93.72 % and 按期结案率 75.82 %", async () => {
    const rows = await caseMetrics(ledger(), {
      period: 'month',
      from: '2026-03-01',
      to: '2026-03-31',
      by: 'none',
      region: '440104',
      excludeSuspended: false,
      now: NOW,
    });
    expect(rows).toEqual([
      expect.objectContaining({
        period: '2026-03',
        group: 'all',
        due: 972,
        closed: 911,
        closedOnTime: 737,
        closureRate: 93.72,
        onTimeRate: 75.82,
        overdueNow: 61,
      }),
    ]);
  });

  it('takes suspended (缓办) cases out of the denominator in the Jinhua variant', async () => {
    const suspended = Array.from(
      { length: 28 },
      (_, i): MadeUpCase => ({
        caseId: `JH-${i}`,
        grid: '440104002001001',
        department: 'tianmen-a',
        openedAt: MONDAYS[0]!,
        dueAt: MONDAYS[0]! + DAY,
        status: 'suspended',
        suspendedAt: MONDAYS[0]! + HOUR,
      }),
    );
    await seed(ledger(), suspended);
    const request = {
      period: 'month',
      from: '2026-03-01',
      to: '2026-03-31',
      by: 'none',
      region: '440104',
      now: NOW,
    } as const;
    const [all] = await caseMetrics(ledger(), { ...request, excludeSuspended: false });
    const [jinhua] = await caseMetrics(ledger(), { ...request, excludeSuspended: true });
    expect(all).toMatchObject({ due: 1000, closed: 911, closureRate: 91.1 });
    expect(jinhua).toMatchObject({ due: 972, closed: 911, closureRate: 93.72, onTimeRate: 75.82 });
  });

  it('groups by department and by week, with handling time in working hours', async () => {
    const rows = await caseMetrics(ledger(), {
      period: 'week',
      from: '2026-03-01',
      to: '2026-03-08',
      by: 'department',
      region: '440104001',
      excludeSuspended: false,
      now: NOW,
    });
    // Week 10 holds the cases of Monday 2 March: every fourth of Tianmen's 972, split between two departments.
    expect(rows.map((r) => [r.period, r.group, r.due])).toEqual([
      ['2026-W10', 'tianmen-a', 122],
      ['2026-W10', 'tianmen-b', 121],
    ]);
    // On time: 2 working hours; late: Monday 09:00 → Wednesday 10:00 = 6.5 + 7 + 1.5 working hours.
    expect(rows[0]).toMatchObject({ handlingHoursMedian: 2, handlingHoursP90: 15 });
  });

  it('computes 返工率, 延期率 and 满意率 over their own denominators, by region one level down', async () => {
    const base = { department: 'zhuhai', openedAt: MONDAYS[1]!, dueAt: MONDAYS[1]! + DAY } as const;
    await seed(ledger(), [
      {
        ...base,
        caseId: 'R-1',
        grid: '440106001001001',
        status: 'closed',
        resolvedAt: MONDAYS[1]! + HOUR,
        reworked: true,
        satisfaction: 'satisfied',
      },
      {
        ...base,
        caseId: 'R-2',
        grid: '440106001002001',
        status: 'closed',
        resolvedAt: MONDAYS[1]! + HOUR,
        satisfaction: 'unsatisfied',
      },
      {
        ...base,
        caseId: 'R-3',
        grid: '440106002001001',
        status: 'closed',
        resolvedAt: MONDAYS[1]! + HOUR,
        extended: true,
        satisfaction: 'basically-satisfied',
      },
      { ...base, caseId: 'R-4', grid: '440106002001002', status: 'open', stepDueAt: NOW + DAY },
    ]);
    const request = {
      period: 'quarter',
      from: '2026-01-01',
      to: '2026-03-31',
      region: '440106',
      excludeSuspended: false,
      now: NOW,
    } as const;
    const [all] = await caseMetrics(ledger(), { ...request, by: 'none' });
    expect(all).toMatchObject({
      period: '2026-Q1',
      due: 4,
      closed: 3,
      reworked: 1,
      reworkRate: 33.33,
      extended: 1,
      extensionRate: 25,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 66.67,
      overdueNow: 1,
    });
    const byStreet = await caseMetrics(ledger(), { ...request, by: 'region' });
    expect(byStreet.map((r) => [r.group, r.due])).toEqual([
      ['440106001', 2],
      ['440106002', 2],
    ]);
  });
});
