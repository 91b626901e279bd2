/** The contract's example flow from intake to closure on the mainland calendar. */
import { at, CN_MAINLAND } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { exposedGarbage } from './fixtures/exposed-garbage';

function startGarbageCase(): CaseDriver {
  const input = caseInput(exposedGarbage(), {
    calendar: CN_MAINLAND,
    data: { address: '北京街道 1 号', category: 'household' },
    departments: {
      'hotline-city': {
        id: 'hotline-city',
        name: '12345',
        region: '440100',
        roles: ['hotline'],
        notifyUrl: 'http://hl',
      },
    },
  });
  return new CaseDriver(input, at('2026-03-02T09:00:00+08:00'));
}

describe('the exposed-garbage example', () => {
  it('runs every stage in order and closes after a satisfied feedback', () => {
    const c = startGarbageCase();
    const expectations: [string, () => void, string, Record<string, string>][] = [
      ['start', () => undefined, 'assessment', { verify: 'active:1', file: 'pending:0' }],
      [
        'verify',
        () => c.complete('verify', { confirmed: true }, at('2026-03-02T09:30:00+08:00')),
        'assessment',
        { verify: 'completed:1', file: 'active:1' },
      ],
      [
        'file',
        () => c.complete('file', {}, at('2026-03-02T09:40:00+08:00')),
        'mobilization',
        { dispatch: 'active:1' },
      ],
      [
        'dispatch',
        () => c.serve('dispatch', { ok: true, result: { orderId: 'W-1' } }, at('2026-03-02T09:41:00+08:00')),
        'action',
        { dispatch: 'completed:1', handle: 'active:1' },
      ],
      [
        'claim',
        () => c.act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00')),
        'action',
        { handle: 'claimed:1' },
      ],
      [
        'handle',
        () => c.complete('handle', { done: true }, at('2026-03-02T15:00:00+08:00')),
        'supervision',
        { handle: 'completed:1', check: 'active:1' },
      ],
      [
        'check',
        () => c.complete('check', { fixed: true }, at('2026-03-02T16:00:00+08:00')),
        'review',
        { check: 'completed:1', 'notify-reporter': 'completed:1', 'report-district': 'pending:0' },
      ],
    ];
    for (const [label, run, stage, statuses] of expectations) {
      run();
      expect({ label, stage: c.view().stage, statuses: pick(c.statuses(), Object.keys(statuses)) }).toEqual({
        label,
        stage,
        statuses,
      });
    }
    c.act({ type: 'feedback', satisfaction: 'satisfied', resolved: true }, at('2026-03-03T10:00:00+08:00'));
    const view = c.view();
    expect(view).toMatchObject({ status: 'closed', stage: 'closed', closedAt: '2026-03-03T10:00:00+08:00' });
    expect(view.metrics).toMatchObject({ onTime: true, roundsLate: 0, satisfaction: 'satisfied' });
  });

  it('calls the dispatch system with the evaluated input and the round idempotency key', () => {
    const c = startGarbageCase();
    c.complete('verify', { confirmed: true }).complete('file');
    expect(c.calls()).toEqual([
      expect.objectContaining({
        stepId: 'dispatch',
        round: 1,
        operation: 'createWorkOrder',
        input: { address: '北京街道 1 号' },
        idempotencyKey: 'case-1/dispatch/1',
        system: expect.objectContaining({ id: 'dispatch-system' }),
      }),
    ]);
  });

  it('computes deadlines on working time, starting the handle clock at the claim', () => {
    const c = startGarbageCase();
    expect(c.step('verify')).toMatchObject({ dueAt: '2026-03-02T10:00:00+08:00', overdue: false, round: 1 });
    expect(c.view().dueAt).toBe('2026-03-04T09:00:00+08:00');
    c.complete('verify', { confirmed: true }).complete('file').serve('dispatch', { ok: true, result: {} });
    expect(c.step('handle').dueAt).toBeUndefined();
    c.act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00'));
    const handle = c.step('handle');
    expect(handle).toMatchObject({
      dueAt: '2026-03-02T16:00:00+08:00',
      claimedAt: '2026-03-02T10:00:00+08:00',
      assignee: { department: 'sanitation-district', role: 'sanitation', level: 'district' },
    });
    expect(handle.dueExplanation).toContain('4 working hours');
  });

  it('sends the notify step to its department and records it on the timeline', () => {
    const c = startGarbageCase();
    c.complete('verify', { confirmed: true }).complete('file').serve('dispatch', { ok: true, result: {} });
    c.complete('handle', { done: true }).complete('check', { fixed: true });
    expect(c.notifications('notify')).toEqual([
      expect.objectContaining({
        stepId: 'notify-reporter',
        department: 'hotline-city',
        notifyUrl: 'http://hl',
        message: '您反映的问题已处理完毕',
      }),
    ]);
    expect(c.timelineTypes()).toEqual(expect.arrayContaining(['case-started', 'review-opened']));
  });

  it('skips filing and everything after it when verification does not confirm', () => {
    const c = startGarbageCase();
    c.complete('verify', { confirmed: false });
    expect(c.statuses()).toMatchObject({
      file: 'skipped:0',
      dispatch: 'skipped:0',
      handle: 'skipped:0',
      check: 'skipped:0',
      'notify-reporter': 'skipped:0',
    });
    expect(c.view().stage).toBe('review');
  });

  it('records who did what, oldest first, with RFC 3339 instants', () => {
    const c = startGarbageCase();
    c.complete('verify', { confirmed: true }, at('2026-03-02T09:30:00+08:00'));
    const timeline = c.timelineTypes();
    expect(timeline[0]).toBe('case-started');
    const completed = c.state.timeline.find((e) => e.type === 'step-completed');
    expect(completed?.actor).toEqual({
      sub: 'inspector-grid-user',
      role: 'department',
      dept: 'inspector-grid',
    });
  });
});

function pick(record: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? 'missing']));
}
