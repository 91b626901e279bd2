/** Suspension stopping every clock, and service incidents with retry. */
import { at, CN_MAINLAND, HOUR, MINUTE } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, rung, service, sla, task, waitStep } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

describe('suspension', () => {
  it.each([
    ['a calendar clock moves by wall time', 'calendar' as const, '2026-03-03T04:00:00+00:00'],
    ['an always-open working clock moves by the same time', 'working' as const, '2026-03-03T04:00:00+00:00'],
  ])('%s', (_label, clock, dueAt) => {
    const c = new CaseDriver(caseInput(flow([task('handle', { sla: sla('1d', clock) })])), T0);
    c.act({ type: 'suspend', reason: '等待鉴定' }, T0 + 2 * HOUR);
    c.act({ type: 'resume', reason: '鉴定完成' }, T0 + 6 * HOUR);
    expect(c.step('handle').dueAt).toBe(dueAt);
    expect(c.step('handle').dueExplanation).toContain('suspended');
  });

  it('moves a working-time deadline by the working time the suspension lasted, skipping nights', () => {
    const f = flow([task('handle', { sla: sla('4h') })]);
    const start = at('2026-03-02T09:00:00+08:00');
    const c = new CaseDriver(caseInput(f, { calendar: CN_MAINLAND }), start);
    expect(c.step('handle').dueAt).toBe('2026-03-02T15:00:00+08:00');
    // Suspended Mon 10:00 to Tue 10:00: 7 working hours (10:00–12:00, 14:00–17:30, 08:30–10:00) pass.
    c.act({ type: 'suspend', reason: 'x' }, at('2026-03-02T10:00:00+08:00'));
    c.act({ type: 'resume', reason: 'y' }, at('2026-03-03T10:00:00+08:00'));
    expect(c.step('handle').dueAt).toBe('2026-03-03T15:00:00+08:00');
  });

  it('fires nothing while suspended and refuses other actions', () => {
    const f = flow([task('handle', { sla: sla('1h'), escalation: [rung('0', 'urge')] })]);
    const c = new CaseDriver(caseInput(f), T0).act({ type: 'suspend', reason: 'x' });
    expect(c.wakeAt()).toBeUndefined();
    c.tick(T0 + 5 * HOUR);
    expect(c.last).toEqual([]);
    expect(() => c.complete('handle')).toThrow(expect.objectContaining({ name: 'CaseSuspendedError' }));
    c.act({ type: 'resume', reason: 'y' });
    expect(c.wakeAt()).toBe(T0 + 6 * HOUR);
  });

  it('does not show a step or the case overdue while suspended, since their clocks are stopped', () => {
    const f = flow([task('handle', { sla: sla('1h', 'calendar') })], { sla: sla('2h', 'calendar') });
    const c = new CaseDriver(caseInput(f), T0);
    c.act({ type: 'suspend', reason: '等待市民补充材料' }, T0 + 30 * MINUTE);
    const later = T0 + 5 * HOUR;
    expect(c.step('handle', later).overdue).toBe(false);
    expect(c.view(later)).toMatchObject({ overdue: false, metrics: { overdueSteps: 0 } });
    expect(c.summary(later).overdue).toBe(false);
    c.act({ type: 'resume', reason: '材料已补充' }, later);
    expect(c.step('handle', later + 31 * MINUTE).overdue).toBe(true);
  });

  it('on engine revision 0 (cases started before the change), still turns overdue while suspended', () => {
    const f = flow([task('handle', { sla: sla('1h', 'calendar') })], { sla: sla('2h', 'calendar') });
    const c = new CaseDriver(caseInput(f), T0, 0);
    c.act({ type: 'suspend', reason: '等待市民补充材料' }, T0 + 30 * MINUTE);
    const later = T0 + 5 * HOUR;
    expect(c.step('handle', later).overdue).toBe(true);
    expect(c.view(later)).toMatchObject({ overdue: true, metrics: { overdueSteps: 1 } });
    expect(c.summary(later).overdue).toBe(true);
  });

  it('keeps a step that was already overdue when suspended overdue', () => {
    const c = new CaseDriver(caseInput(flow([task('handle', { sla: sla('1h', 'calendar') })])), T0);
    c.act({ type: 'suspend', reason: 'x' }, T0 + 2 * HOUR);
    expect(c.step('handle', T0 + 5 * HOUR).overdue).toBe(true);
  });

  it('moves wait timers too', () => {
    const c = new CaseDriver(caseInput(flow([waitStep('cool-off', { for: '2h' })])), T0);
    c.act({ type: 'suspend', reason: 'x' }, T0 + HOUR).act({ type: 'resume', reason: 'y' }, T0 + 3 * HOUR);
    expect(c.wakeAt()).toBe(T0 + 4 * HOUR);
  });
});

describe('service incidents', () => {
  const f = flow([
    service('dispatch', { input: { address: 'case.data.address' } }),
    task('handle', { after: ['dispatch'] }),
  ]);

  it('opens an incident on a non-retryable failure and retries in the same round with the same key', () => {
    const c = new CaseDriver(caseInput(f, { data: { address: 'A' } }), T0);
    c.serve('dispatch', { ok: false, error: 'HTTP 400: bad address' });
    expect(c.step('dispatch')).toMatchObject({
      status: 'active',
      incident: { error: 'HTTP 400: bad address' },
    });
    expect(c.summary()).toMatchObject({ incident: true });
    expect(c.notifications('incident')).toHaveLength(1);
    c.act({ type: 'retry', stepId: 'dispatch' });
    expect(c.last).toEqual([
      expect.objectContaining({ type: 'callSystem', round: 1, idempotencyKey: 'case-1/dispatch/1' }),
    ]);
    expect(c.summary().incident).toBe(false);
    c.serve('dispatch', { ok: true, result: { orderId: 'W-9' } });
    expect(c.statuses()).toMatchObject({ dispatch: 'completed:1', handle: 'active:1' });
  });

  it('opens an incident when the call input cannot be evaluated', () => {
    const c = new CaseDriver(caseInput(f), T0);
    expect(c.calls()).toEqual([]);
    expect(c.step('dispatch').incident?.error).toMatch(/address/);
  });

  it('opens an incident when the system is not pinned', () => {
    const c = new CaseDriver(caseInput(f, { data: { address: 'A' }, systems: {} }), T0);
    expect(c.step('dispatch').incident?.error).toMatch(/not pinned/);
  });
});

describe('incidents of task steps', () => {
  it('refuses retry of a task without a department, keeping the incident until it is reassigned', () => {
    const c = new CaseDriver({ ...caseInput(flow([task('handle')])), assignees: {} }, T0);
    expect(c.step('handle').incident?.error).toMatch(/reassign/);
    expect(() => c.act({ type: 'retry', stepId: 'handle' })).toThrow(
      expect.objectContaining({ name: 'ActionNotAllowedError' }),
    );
    expect(c.summary().incident).toBe(true);
    c.act({ type: 'reassign', stepId: 'handle', department: 'street-office', reason: '属地' });
    expect(c.step('handle')).toMatchObject({ assignee: { department: 'street-office' } });
    expect(c.summary().incident).toBe(false);
  });

  it('on engine revision 0, lets retry clear the incident of a task as it did before', () => {
    const c = new CaseDriver({ ...caseInput(flow([task('handle')])), assignees: {} }, T0, 0);
    c.act({ type: 'retry', stepId: 'handle' });
    expect(c.step('handle')).toMatchObject({ status: 'active' });
    expect(c.step('handle').incident).toBeUndefined();
    expect(c.timelineTypes()).toContain('step-retried');
  });
});
