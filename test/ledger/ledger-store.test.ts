/** The ledger's writer and readers, on SQLite and on PostgreSQL, fed with batches of real engine cases. */
import {
  caseViewOfRecord,
  departmentInbox,
  openCaseCounts,
  readCaseEvents,
  readCaseRecord,
  searchCases,
  stalledCases,
  timelineOfEvents,
  writeLedgerBatch,
  writeLedgerBatches,
  type Ledger,
} from '../../ledger';
import { ledgerBatch } from '../../workflows/engine/case/ledger-snapshot';
import { caseTimeline, caseView } from '../../workflows/engine/case';
import { describeEachLedger } from '../helpers/ledger-engines';
import { at, CN_MAINLAND } from '../workflows/engine/case/fixtures/calendars';
import { CaseDriver, caseInput, SUPERVISOR } from '../workflows/engine/case/fixtures/case-driver';
import { exposedGarbage } from '../workflows/engine/case/fixtures/exposed-garbage';

const START = at('2026-03-02T09:00:00+08:00');
const NOW = at('2026-03-02T12:00:00+08:00');

/** A case up to `handle` active for sanitation-district, in the given grid. */
function garbageCase(
  caseId: string,
  region = '440104001001001',
  start = START,
  flow = exposedGarbage(),
): CaseDriver {
  const regionPath = [region, region.slice(0, 12), region.slice(0, 9), region.slice(0, 6), '440100'];
  const input = caseInput(flow, {
    caseId,
    region,
    regionPath,
    calendar: CN_MAINLAND,
    data: { address: '北京街道 1 号', category: 'household' },
  });
  return new CaseDriver(input, start)
    .complete('verify', { confirmed: true }, start + 10 * 60_000)
    .complete('file', {}, start + 20 * 60_000)
    .serve('dispatch', { ok: true, result: {} }, start + 21 * 60_000);
}

/** Writes everything the case has not sent yet; returns the next `from`. */
async function feed(ledger: Ledger, c: CaseDriver, from = 0): Promise<number> {
  await writeLedgerBatch(ledger, ledgerBatch(c.state, from), NOW);
  return c.state.timeline.length;
}

describeEachLedger('the ledger', (ledger) => {
  it('keeps every event of a case in order, once, however often and in whatever order batches arrive', async () => {
    const c = garbageCase('L-ORDER');
    const early = ledgerBatch(c.state, 0);
    c.act({ type: 'claim', stepId: 'handle' }, START + 30 * 60_000);
    const late = ledgerBatch(c.state, early.events.length);
    await writeLedgerBatch(ledger(), late, NOW);
    await writeLedgerBatch(ledger(), early, NOW); // a retry of an older write, after the newer one
    await writeLedgerBatch(ledger(), late, NOW);
    const events = await readCaseEvents(ledger(), 'L-ORDER');
    expect(events.map((e) => [e.seq, e.type])).toEqual(c.state.timeline.map((e, i) => [i, e.type]));
    const record = await readCaseRecord(ledger(), 'L-ORDER');
    expect(record?.snapshot.seq).toBe(c.state.timeline.length - 1);
    expect(record?.snapshot.steps.find((s) => s.id === 'handle')?.status).toBe('claimed');
  });

  it('applies many batches in one call as one by one: several cases, and one case twice in its order', async () => {
    const a = garbageCase('L-MANY-A');
    const first = ledgerBatch(a.state, 0);
    a.act({ type: 'claim', stepId: 'handle' }, START + 30 * 60_000);
    const second = ledgerBatch(a.state, first.events.length);
    const b = garbageCase('L-MANY-B', '440106001001001');
    await writeLedgerBatches(ledger(), [first, ledgerBatch(b.state, 0), second, first], NOW);
    for (const c of [a, b]) {
      const id = c.state.input.caseId;
      const events = await readCaseEvents(ledger(), id);
      expect(events.map((e) => [e.seq, e.type])).toEqual(c.state.timeline.map((e, i) => [i, e.type]));
      expect((await readCaseRecord(ledger(), id))?.snapshot.seq).toBe(c.state.timeline.length - 1);
    }
    const handle = (await readCaseRecord(ledger(), 'L-MANY-A'))?.snapshot.steps.find(
      (s) => s.id === 'handle',
    );
    expect(handle?.status).toBe('claimed');
  });

  it('answers the same view and timeline as the engine for a closed case', async () => {
    const c = garbageCase('L-VIEW')
      .act({ type: 'claim', stepId: 'handle' }, START + 30 * 60_000)
      .complete('handle', { done: true }, START + 60 * 60_000)
      .complete('check', { fixed: true }, START + 90 * 60_000)
      .tick(START + 4 * 86_400_000);
    await feed(ledger(), c);
    const record = await readCaseRecord(ledger(), 'L-VIEW');
    const later = START + 40 * 86_400_000;
    const { metrics: _metrics, ...engineView } = c.view(later);
    const withoutResults = {
      ...engineView,
      steps: engineView.steps.map(({ result: _result, ...step }) => step),
    };
    expect(caseViewOfRecord(record!.snapshot, false, later)).toEqual(withoutResults);
    const events = await readCaseEvents(ledger(), 'L-VIEW');
    expect(timelineOfEvents(events, 'Asia/Shanghai')).toEqual(caseTimeline(c.state));
    expect(caseView(c.state, later).status).toBe('closed');
  });

  it('shows the English title and the Chinese deadline words in the inbox and the view of record', async () => {
    const plain = exposedGarbage();
    const titled = {
      ...plain,
      steps: plain.steps.map((step) =>
        step.id === 'handle' ? { ...step, title: { zh: '清运处置', en: 'Remove the garbage' } } : step,
      ),
    };
    const c = garbageCase('L-TITLE-EN', '440104001001001', START, titled).act(
      { type: 'claim', stepId: 'handle' },
      START + 30 * 60_000,
    );
    await feed(ledger(), c);
    const inbox = await departmentInbox(ledger(), {
      department: 'sanitation-district',
      limit: 500,
      now: NOW,
    });
    expect(inbox.items.find((item) => item.caseId === 'L-TITLE-EN')).toMatchObject({
      stepId: 'handle',
      title: '清运处置',
      titleEn: 'Remove the garbage',
    });
    const record = await readCaseRecord(ledger(), 'L-TITLE-EN');
    const handle = caseViewOfRecord(record!.snapshot, false, NOW).steps.find((step) => step.id === 'handle');
    expect(handle).toMatchObject({ title: '清运处置', titleEn: 'Remove the garbage' });
    expect(handle?.dueExplanationZh).toMatch(/^自 2026-03-02（周一）09:30 起 .* → 2026-03-02（周一）/);
    expect(handle?.dueExplanationZh).toBe(c.step('handle').dueExplanationZh);
  });

  it('lists a department inbox soonest deadline first, page by page, within a region', async () => {
    const cases = [0, 1, 2, 3, 4].map((i) =>
      garbageCase(`L-INBOX-${i}`, i === 4 ? '440106001001001' : '440104001001001', START + i * 60_000),
    );
    for (const c of cases.reverse()) await feed(ledger(), c);
    const pages: string[][] = [];
    let after: [number, string, string] | undefined;
    do {
      const page = await departmentInbox(ledger(), {
        department: 'sanitation-district',
        limit: 2,
        now: NOW,
        ...(after === undefined ? {} : { after }),
      });
      pages.push(page.items.map((item) => item.caseId));
      after = page.next;
    } while (after !== undefined);
    expect(pages.flat().filter((id) => id.startsWith('L-INBOX'))).toEqual(
      [0, 1, 2, 3, 4].map((i) => `L-INBOX-${i}`),
    );
    const yuexiu = await departmentInbox(ledger(), {
      department: 'sanitation-district',
      region: '440104',
      limit: 50,
      now: NOW,
    });
    expect(yuexiu.items.map((i) => i.caseId)).not.toContain('L-INBOX-4');
    expect(yuexiu.items.find((i) => i.caseId === 'L-INBOX-0')).toMatchObject({
      stepId: 'handle',
      title: 'handle',
      stage: 'action',
      status: 'active',
      overdue: false,
      region: '440104001001001',
      flowId: 'urban.exposed-garbage',
    });
  });

  it('keeps a case findable by a department after 改派 away, but out of its inbox', async () => {
    const c = garbageCase('L-MOVED');
    let from = await feed(ledger(), c);
    c.act(
      { type: 'reassign', stepId: 'handle', department: 'yuexiu-other', reason: 'wrong', actor: SUPERVISOR },
      START + 40 * 60_000,
    );
    from = await feed(ledger(), c, from);
    const inbox = await departmentInbox(ledger(), {
      department: 'sanitation-district',
      limit: 500,
      now: NOW,
    });
    expect(inbox.items.map((i) => i.caseId)).not.toContain('L-MOVED');
    const other = await departmentInbox(ledger(), { department: 'yuexiu-other', limit: 500, now: NOW });
    expect(other.items.map((i) => i.caseId)).toContain('L-MOVED');
    const search = await searchCases(ledger(), {
      department: 'sanitation-district',
      caseIdPrefix: 'L-MOVED',
      sort: 'openedAt',
      order: 'desc',
      limit: 10,
      now: NOW,
    });
    expect(search.items.map((i) => i.caseId)).toEqual(['L-MOVED']);
    expect((await readCaseRecord(ledger(), 'L-MOVED'))?.departments).toEqual(
      expect.arrayContaining(['sanitation-district', 'yuexiu-other']),
    );
    expect(from).toBe(c.state.timeline.length);
  });

  it('finds stalled cases by overdue and idleness, and counts open cases by stage and overdue department', async () => {
    const c = garbageCase('L-STALL', '440104002001001', START - 7 * 86_400_000);
    await feed(ledger(), c);
    const overdue = await stalledCases(ledger(), { region: '440104002', overdue: true, limit: 50, now: NOW });
    expect(overdue.items).toEqual([
      expect.objectContaining({
        caseId: 'L-STALL',
        stage: 'action',
        waitingOn: ['sanitation-district'],
        overdue: true,
      }),
    ]);
    const idle = await stalledCases(ledger(), {
      region: '440104002',
      idleSince: START - 86_400_000,
      limit: 50,
      now: NOW,
    });
    expect(idle.items.map((i) => i.caseId)).toEqual(['L-STALL']);
    const fresh = await stalledCases(ledger(), {
      region: '440104002',
      idleSince: START - 8 * 86_400_000,
      limit: 50,
      now: NOW,
    });
    expect(fresh.items).toEqual([]);
    const counts = await openCaseCounts(ledger(), { region: '440104002', now: NOW });
    expect(counts.openByStage.action).toBe(1);
    expect(counts.overdueByDepartment).toEqual({ 'sanitation-district': 1 });
  });

  it('searches by filters, sorted either way, with cursors that page without overlap', async () => {
    for (let i = 0; i < 7; i += 1)
      await feed(ledger(), garbageCase(`L-SEARCH_${i}`, '440106002001001', START + i * 1000));
    const seen: string[] = [];
    let after: [number, string] | undefined;
    do {
      const page = await searchCases(ledger(), {
        region: '440106002',
        caseIdPrefix: 'L-SEARCH_',
        status: 'open',
        sort: 'openedAt',
        order: 'desc',
        limit: 3,
        now: NOW,
        ...(after === undefined ? {} : { after }),
      });
      seen.push(...page.items.map((i) => i.caseId));
      after = page.next;
    } while (after !== undefined);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `L-SEARCH_${i}`));
    const none = await searchCases(ledger(), {
      caseIdPrefix: 'L-SEARCH%',
      sort: 'openedAt',
      order: 'asc',
      limit: 3,
      now: NOW,
    });
    expect(none.items).toEqual([]);
    const closed = await searchCases(ledger(), {
      region: '440106002',
      status: 'closed',
      sort: 'closedAt',
      order: 'asc',
      limit: 3,
      now: NOW,
    });
    expect(closed.items).toEqual([]);
  });
});
