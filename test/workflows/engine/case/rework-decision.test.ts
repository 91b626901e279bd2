/** A rework past its `max` with `onExceeded: decide`: the case waits for a supervisor, then follows the decision. */
import {
  ReworkDecisionNotPendingError,
  ActionInvalidError,
} from '../../../../workflows/engine/case/case-errors';
import { at } from './fixtures/calendars';
import { CaseDriver, caseInput, SUPERVISOR } from './fixtures/case-driver';
import { flow, form, notifyStep, rung, role, sla, task } from './fixtures/flow-builder';
import type { ReworkSpec } from '../../../../workflows/engine/flow-model';

const T0 = at('2026-03-02T00:00:00Z');

function reworkFlow(onExceeded?: ReworkSpec['onExceeded']) {
  return flow([
    task('handle', {
      sla: sla('4h', 'calendar'),
      escalation: [rung('1d', 'escalate', { to: role('supervisor', 'district') })],
    }),
    task('check', {
      stage: 'supervision',
      after: ['handle'],
      form: form({ fixed: 'boolean!' }),
      rework: { when: '!result.fixed', goto: 'handle', max: 1, ...(onExceeded ? { onExceeded } : {}) },
    }),
    notifyStep('tell', { after: ['check'], message: '已处理' }),
  ]);
}

/** A case whose check failed twice with max 1: past max. */
function pastMax(onExceeded?: ReworkSpec['onExceeded'], revision?: number): CaseDriver {
  const c = new CaseDriver(caseInput(reworkFlow(onExceeded)), T0, revision);
  c.complete('handle').complete('check', { fixed: false });
  return c.complete('handle').complete('check', { fixed: false });
}

describe('rework past max, onExceeded: decide', () => {
  it('parks the rework with a pending decision and tells the supervisor', () => {
    const c = pastMax('decide');
    expect(c.statuses()).toMatchObject({ handle: 'completed:2', check: 'completed:2', tell: 'pending:0' });
    expect(c.view()).toMatchObject({ status: 'open', stage: 'supervision' });
    expect(c.step('check').reworkDecision).toEqual({ since: '2026-03-02T00:00:00+00:00', reworks: 1 });
    expect(c.notifications('escalate')).toEqual([
      expect.objectContaining({ stepId: 'check', department: 'supervisor-district' }),
    ]);
    const limit = c.state.timeline.find((e) => e.type === 'rework-limit-reached');
    expect(limit?.detail).toContain("waiting for a supervisor's decision");
  });

  it('runs one more round on another-round, and asks again if that one fails too', () => {
    const c = pastMax('decide');
    c.act({ type: 'decideRework', stepId: 'check', decision: 'another-round', note: '再给一次机会' });
    expect(c.statuses()).toMatchObject({ handle: 'active:3', check: 'pending:2' });
    expect(c.step('check').reworkDecision).toBeUndefined();
    expect(c.state.timeline.find((e) => e.type === 'rework-decided')).toMatchObject({
      actor: SUPERVISOR,
      detail: 'one more rework round allowed: 再给一次机会',
    });
    c.complete('handle').complete('check', { fixed: false });
    expect(c.step('check').reworkDecision).toEqual(expect.objectContaining({ reworks: 2 }));
    c.act({ type: 'decideRework', stepId: 'check', decision: 'another-round' });
    c.complete('handle').complete('check', { fixed: true });
    expect(c.view().status).toBe('closed');
    expect(c.view().metrics?.reworks).toBe(3);
  });

  it('closes the case as unresolved on close-unresolved', () => {
    const c = pastMax('decide');
    c.act({ type: 'decideRework', stepId: 'check', decision: 'close-unresolved', note: '无法解决' });
    expect(c.view()).toMatchObject({ status: 'closed', stage: 'closed', unresolved: true });
    expect(c.statuses()).toMatchObject({ tell: 'cancelled:0' });
    expect(c.state.timeline.at(-1)).toMatchObject({ type: 'case-closed' });
  });

  it('gives the rework round to another department on reassign', () => {
    const c = pastMax('decide');
    c.act({ type: 'decideRework', stepId: 'check', decision: 'reassign', department: 'street-office' });
    expect(c.statuses()).toMatchObject({ handle: 'active:3' });
    expect(c.step('handle').assignee).toEqual({ department: 'street-office' });
    expect(c.notifications('notify').at(-1)).toMatchObject({ stepId: 'handle', department: 'street-office' });
    c.complete('handle').complete('check', { fixed: true });
    expect(c.view().status).toBe('closed');
  });

  it('refuses a decision when none is pending, and a reassign without a department or to a step not rerun', () => {
    const c = pastMax('decide');
    const decide = (extra: object) => () =>
      c.act({ type: 'decideRework', stepId: 'check', decision: 'reassign', ...extra });
    expect(decide({})).toThrow(ActionInvalidError);
    expect(decide({ department: 'x', reassignStepId: 'tell' })).toThrow(ActionInvalidError);
    expect(() =>
      c.act({ type: 'decideRework', stepId: 'check', decision: 'another-round', department: 'x' }),
    ).toThrow(ActionInvalidError);
    expect(() => c.act({ type: 'decideRework', stepId: 'handle', decision: 'another-round' })).toThrow(
      ReworkDecisionNotPendingError,
    );
  });

  it('notifies and moves on by default, and on engine revision 1 even with decide', () => {
    for (const c of [pastMax(), pastMax('notify'), pastMax('decide', 1)]) {
      expect(c.view().status).toBe('closed');
      expect(c.step('check').reworkDecision).toBeUndefined();
      expect(c.timelineTypes()).toContain('rework-limit-reached');
    }
  });
});
