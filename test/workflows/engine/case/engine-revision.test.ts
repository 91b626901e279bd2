/** The engine revision a case records at start, and what it decides. */
import type { CaseState, EngineBehaviour } from '../../../../workflows/engine/case';
import { CURRENT_ENGINE_REVISION, behaves, startCase } from '../../../../workflows/engine/case';
import { ENGINE_BEHAVIOUR_CHANGES } from '../../../../workflows/engine/case/engine-behaviour-changes';
import { at } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');
const input = caseInput(flow([task('handle')]));
const CHANGES = Object.keys(ENGINE_BEHAVIOUR_CHANGES) as EngineBehaviour[];

describe('engine revision', () => {
  it('is recorded in the state of a new case and kept through JSON (continue-as-new)', () => {
    const started = startCase(input, T0, 1).state;
    expect(started.engineRevision).toBe(1);
    const carried = JSON.parse(JSON.stringify(started)) as CaseState;
    expect(carried.engineRevision).toBe(1);
    expect(new CaseDriver(input, T0).state.engineRevision).toBe(CURRENT_ENGINE_REVISION);
  });

  it('is 0 for a state recorded before revisions existed, which has none', () => {
    const { engineRevision: _, ...before } = startCase(input, T0, 1).state;
    for (const change of CHANGES) {
      expect(behaves(before, change)).toBe(false);
    }
  });

  it('applies every change to a case of the current revision, and the current revision is the newest', () => {
    const revisions = Object.values(ENGINE_BEHAVIOUR_CHANGES);
    expect(CURRENT_ENGINE_REVISION).toBe(Math.max(...revisions));
    const on = (revision: number): CaseState => startCase(input, T0, revision).state;
    for (const change of CHANGES) {
      expect(behaves(on(CURRENT_ENGINE_REVISION), change)).toBe(true);
      expect(behaves(on(ENGINE_BEHAVIOUR_CHANGES[change] - 1), change)).toBe(false);
    }
  });
});
