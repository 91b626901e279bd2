/** Properties the Temporal shell relies on: JSON state, determinism, and quiet closed or suspended cases. */
import type { CaseState } from '../../../../workflows/engine/case';
import { CURRENT_ENGINE_REVISION, applyTime, nextWakeAt, startCase } from '../../../../workflows/engine/case';
import { at, HOUR } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { exposedGarbage } from './fixtures/exposed-garbage';
import { flow, service, sla, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');
const garbageInput = caseInput(exposedGarbage({ calendar: 'always-open' }), {
  data: { address: 'A', category: 'household' },
});

describe('engine continuity', () => {
  it('keeps working on state that went through JSON (continue-as-new)', () => {
    const c = new CaseDriver(garbageInput, T0).complete('verify', { confirmed: true });
    c.state = JSON.parse(JSON.stringify(c.state)) as CaseState;
    c.complete('file').serve('dispatch', { ok: true, result: {} }).act({ type: 'claim', stepId: 'handle' });
    c.state = JSON.parse(JSON.stringify(c.state)) as CaseState;
    c.complete('handle', { done: true }).complete('check', { fixed: true });
    expect(c.view().stage).toBe('review');
  });

  it('is deterministic: the same inputs give the same state and commands', () => {
    const one = startCase(garbageInput, T0, CURRENT_ENGINE_REVISION);
    const two = startCase(garbageInput, T0, CURRENT_ENGINE_REVISION);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(applyTime(two.state, T0 + HOUR))).toBe(
      JSON.stringify(applyTime(one.state, T0 + HOUR)),
    );
  });

  it('does nothing with time once closed, and leaves emergency steps that never ran pending', () => {
    const c = new CaseDriver(garbageInput, T0).complete('verify', { confirmed: false });
    c.act({ type: 'feedback', satisfaction: 'satisfied', resolved: true });
    expect(nextWakeAt(c.state)).toBeUndefined();
    expect(applyTime(c.state, T0 + 100 * HOUR).state).toEqual(c.state);
    expect(c.statuses()['report-district']).toBe('pending:0');
  });

  it('completes a service step whose result arrives while suspended, and starts what follows on resume', () => {
    const f = flow([service('dispatch'), task('handle', { after: ['dispatch'], sla: sla('1h') })]);
    const c = new CaseDriver(caseInput(f), T0).act({ type: 'suspend', reason: 'x' });
    c.serve('dispatch', { ok: true, result: {} }, T0 + HOUR);
    expect(c.statuses()).toMatchObject({ dispatch: 'completed:1', handle: 'pending:0' });
    c.act({ type: 'resume', reason: 'y' }, T0 + 2 * HOUR);
    expect(c.step('handle')).toMatchObject({ status: 'active', dueAt: '2026-03-02T03:00:00+00:00' });
  });
});
