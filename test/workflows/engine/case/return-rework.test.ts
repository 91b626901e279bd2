/** 退单 (return and re-dispatch), 返工 (rework) within `max`, and escalation past `max`. */
import { applyServiceResult } from '../../../../workflows/engine/case';
import { at } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { exposedGarbage } from './fixtures/exposed-garbage';
import { flow, form, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

/** The example flow on the always-open calendar, without review, advanced to `handle`. */
function atHandle(max = 3): CaseDriver {
  const base = exposedGarbage({ review: undefined, calendar: 'always-open' });
  const steps = base.steps.map((s) =>
    s.kind === 'task' && s.id === 'check'
      ? { ...s, rework: { when: '!result.fixed', goto: 'handle', max } }
      : s,
  );
  const c = new CaseDriver(
    caseInput({ ...base, steps }, { data: { address: 'x', category: 'household' } }),
    T0,
  );
  return c
    .complete('verify', { confirmed: true })
    .complete('file')
    .serve('dispatch', { ok: true, result: {} });
}

describe('return (退单)', () => {
  it('runs the steps in `after` again, then the step itself, each in a new round', () => {
    const c = atHandle();
    c.act({ type: 'return', stepId: 'handle', reason: 'wrong-area', note: '不属本辖区' });
    expect(c.statuses()).toMatchObject({ dispatch: 'active:2', handle: 'returned:1' });
    expect(c.last).toEqual([
      expect.objectContaining({ type: 'callSystem', idempotencyKey: 'case-1/dispatch/2' }),
    ]);
    expect(c.step('handle').status).toBe('returned');
    c.serve('dispatch', { ok: true, result: { orderId: 'W-2' } });
    expect(c.statuses()).toMatchObject({ dispatch: 'completed:2', handle: 'active:2' });
    const returned = c.state.timeline.find((e) => e.type === 'step-returned');
    expect(returned).toMatchObject({
      stepId: 'handle',
      actor: { role: 'department', dept: 'sanitation-district' },
    });
    expect(returned?.detail).toContain('wrong-area (不属本辖区)');
    expect(c.view().metrics?.returns).toBe(1);
  });

  it('re-dispatches a step without `after` at once as a new round', () => {
    const c = new CaseDriver(caseInput(flow([task('intake-call', { allow: ['return'] })])), T0);
    c.act({ type: 'return', stepId: 'intake-call', reason: 'unclear-ownership' });
    expect(c.statuses()['intake-call']).toBe('active:2');
    expect(c.step('intake-call')).toMatchObject({ round: 2, status: 'active' });
  });

  it('ignores a service result that arrives for an earlier round', () => {
    const c = atHandle();
    c.act({ type: 'return', stepId: 'handle', reason: 'other' });
    const before = c.state;
    const stale = { stepId: 'dispatch', round: 1, outcome: { ok: true as const, result: {} } };
    expect(applyServiceResult(before, stale, T0).state).toBe(before);
  });
});

describe('rework (返工)', () => {
  it('runs the target and every step up to this one again, twice, then closes when fixed', () => {
    const c = atHandle();
    for (const round of [1, 2]) {
      c.complete('handle', { done: true }).complete('check', { fixed: false });
      expect(c.statuses()).toMatchObject({ handle: `active:${round + 1}`, check: `pending:${round}` });
    }
    c.complete('handle', { done: true });
    expect(c.statuses()['check']).toBe('active:3');
    c.complete('check', { fixed: true });
    expect(c.statuses()).toMatchObject({ check: 'completed:3', 'notify-reporter': 'completed:1' });
    expect(c.view()).toMatchObject({ status: 'closed' });
    expect(c.view().metrics).toMatchObject({
      reworks: 2,
      steps: expect.objectContaining({ handle: expect.objectContaining({ rounds: 3 }) }),
    });
  });

  /** handle → (archive-photos ∥ check, which reworks back to handle) → close. */
  const branchSteps = [
    task('handle'),
    task('archive-photos', { after: ['handle'] }),
    task('check', {
      after: ['handle'],
      form: form({ fixed: 'boolean!' }),
      rework: { when: '!result.fixed', goto: 'handle', max: 3 },
    }),
    task('close', { after: ['check', 'archive-photos'] }),
  ];

  it('runs the target and every step after it again, including a branch that does not lead here', () => {
    const c = new CaseDriver(caseInput(flow(branchSteps)), T0);
    c.complete('handle').complete('archive-photos').complete('check', { fixed: false });
    expect(c.statuses()).toMatchObject({
      handle: 'active:2',
      'archive-photos': 'pending:1',
      check: 'pending:1',
      close: 'pending:0',
    });
    c.complete('handle');
    expect(c.statuses()).toMatchObject({ 'archive-photos': 'active:2', check: 'active:2' });
  });

  it('on engine revision 0, runs only the steps on the path back to the reworking step', () => {
    const c = new CaseDriver(caseInput(flow(branchSteps)), T0, 0);
    c.complete('handle').complete('archive-photos').complete('check', { fixed: false });
    expect(c.statuses()).toMatchObject({
      handle: 'active:2',
      'archive-photos': 'completed:1',
      check: 'pending:1',
      close: 'pending:0',
    });
    c.complete('handle');
    expect(c.statuses()).toMatchObject({ 'archive-photos': 'completed:1', check: 'active:2' });
    expect(c.state.timeline.find((e) => e.type === 'rework-started')?.detail).toBe(
      '返工 1/3: handle, check run again',
    );
  });

  it('escalates to the supervisor instead of looping once `max` reworks are used', () => {
    const c = atHandle(1);
    c.complete('handle', { done: true }).complete('check', { fixed: false });
    expect(c.statuses()['handle']).toBe('active:2');
    c.complete('handle', { done: true }).complete('check', { fixed: false });
    expect(c.statuses()).toMatchObject({ handle: 'completed:2', check: 'completed:2' });
    expect(c.notifications('escalate')).toEqual([
      expect.objectContaining({ stepId: 'check', department: 'supervisor-district' }),
    ]);
    expect(c.timelineTypes()).toContain('rework-limit-reached');
    expect(c.view().status).toBe('closed');
  });
});
