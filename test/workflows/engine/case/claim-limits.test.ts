/** 签收时限: a task's limit for claiming (`sla.claimWithin`), its own rungs, and what shows it. */
import { at, CN_MAINLAND } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, role, rung, sla, task } from './fixtures/flow-builder';
import type { SlaSpec } from '../../../../workflows/engine/flow-model';
import { parseDuration } from '../../../../workflows/engine/time';

const T0 = at('2026-03-02T00:00:00+00:00');
const H = 3_600_000;

/** `sla('4h', clock, 'claimed')` with a claim limit. */
function claimSla(within: string, claimWithin: string, clock: SlaSpec['clock'] = 'calendar'): SlaSpec {
  return { ...sla(within, clock, 'claimed'), claimWithin: parseDuration(claimWithin) };
}

const handle = task('handle', {
  sla: claimSla('4h', '1h'),
  escalation: [rung('0', 'urge')],
  claimEscalation: [
    rung('-15m', 'remind'),
    rung('0', 'urge'),
    rung('2h', 'escalate', { to: role('supervisor', 'district') }),
  ],
});

describe('claim limits (签收时限)', () => {
  it('gives an activated task a claim limit on its clock, explained, with its own rungs', () => {
    const c = new CaseDriver(caseInput(flow([handle])), T0);
    expect(c.step('handle')).toMatchObject({
      status: 'active',
      claimDueAt: '2026-03-02T01:00:00+00:00',
      claimOverdue: false,
    });
    expect(c.step('handle').claimDueExplanation).toContain('1 hour from');
    expect(c.step('handle').dueAt).toBeUndefined();
    expect(c.wakeAt()).toBe(T0 + 45 * 60_000);
  });

  it('goes overdue for claiming past the limit, fires its claim rungs in order and escalates', () => {
    const c = new CaseDriver(caseInput(flow([handle])), T0);
    c.tick(T0 + 45 * 60_000);
    expect(c.notifications('remind')).toHaveLength(1);
    c.tick(T0 + H + 1);
    expect(c.step('handle').claimOverdue).toBe(true);
    expect(c.timelineTypes()).toEqual(expect.arrayContaining(['claim-overdue', 'urged']));
    expect(c.notifications('urge')).toEqual([
      expect.objectContaining({ stepId: 'handle', department: 'handle-dept' }),
    ]);
    expect(c.view().metrics).toMatchObject({ claimsOverdue: 1, claimOverdueSteps: 1 });
    c.tick(T0 + 3 * H);
    expect(c.notifications('escalate')).toEqual([
      expect.objectContaining({ stepId: 'handle', department: 'supervisor-district' }),
    ]);
    const escalated = c.state.timeline.find((e) => e.type === 'escalated');
    expect(escalated?.detail).toContain('unclaimed (2h past the claim limit)');
  });

  it('stops the claim ladder at 签收 and starts the handling clock', () => {
    const c = new CaseDriver(caseInput(flow([handle])), T0);
    c.tick(T0 + 50 * 60_000).act({ type: 'claim', stepId: 'handle' });
    expect(c.step('handle')).toMatchObject({ status: 'claimed', claimOverdue: false });
    expect(c.step('handle').dueAt).toBe('2026-03-02T04:50:00+00:00');
    expect(c.wakeAt()).toBe(T0 + 50 * 60_000 + 4 * H);
    c.tick(T0 + 3 * H);
    expect(c.timelineTypes()).not.toContain('claim-overdue');
    expect(c.notifications('urge')).toHaveLength(0);
    expect(c.view().metrics).toMatchObject({ claimsOverdue: 0, claimOverdueSteps: 0 });
  });

  it('counts working time when the sla runs on the working clock', () => {
    const working = task('handle', { sla: claimSla('1d', '1h', 'working') });
    // Friday 17:00 in Shanghai: one working hour later is Monday 09:00.
    const friday = at('2026-03-06T09:00:00+00:00');
    const c = new CaseDriver(caseInput(flow([working]), { calendar: CN_MAINLAND }), friday);
    expect(c.step('handle').claimDueAt).toBe('2026-03-09T09:00:00+08:00');
    c.tick(at('2026-03-07T02:00:00+00:00'));
    expect(c.step('handle').claimOverdue).toBe(false);
  });

  it('starts a fresh claim limit for the department a step is reassigned to (改派)', () => {
    const c = new CaseDriver(caseInput(flow([handle])), T0);
    c.tick(T0 + 2 * H);
    expect(c.step('handle').claimOverdue).toBe(true);
    c.act({ type: 'reassign', stepId: 'handle', department: 'other-dept', reason: '属地不符' });
    expect(c.step('handle')).toMatchObject({ claimDueAt: '2026-03-02T03:00:00+00:00', claimOverdue: false });
    c.tick(T0 + 3 * H + 1);
    expect(c.timelineTypes().filter((t) => t === 'claim-overdue')).toHaveLength(2);
  });

  it('leaves a parked step off the claim ladder', () => {
    const parkable = task('handle', {
      sla: claimSla('4h', '1h'),
      allow: ['park'],
      claimEscalation: [rung('0', 'urge')],
    });
    const c = new CaseDriver(caseInput(flow([parkable])), T0);
    c.act({ type: 'requestPark', stepId: 'handle', reason: '季节性施工' }).act({
      type: 'decidePark',
      stepId: 'handle',
      approve: true,
    });
    c.tick(T0 + 2 * H);
    expect(c.step('handle').claimOverdue).toBe(false);
    expect(c.notifications('urge')).toHaveLength(0);
  });

  it('sets no claim limit on engine revision 1 (cases started before claim limits)', () => {
    const c = new CaseDriver(caseInput(flow([handle])), T0, 1);
    expect(c.step('handle').claimDueAt).toBeUndefined();
    c.tick(T0 + 3 * H);
    expect(c.timelineTypes()).not.toContain('claim-overdue');
    expect(c.view().metrics?.claimsOverdue).toBeUndefined();
  });

  it('takes a profile’s claim limit over the step’s', () => {
    const f = flow([handle], {
      profiles: { strict: { sla: { handle: claimSla('4h', '30m') } } },
    });
    const c = new CaseDriver(caseInput(f, { profile: 'strict' }), T0);
    expect(c.step('handle').claimDueAt).toBe('2026-03-02T00:30:00+00:00');
  });
});
