/**
 * Two versions of a small flow for migration tests, a case driven to a chosen point on version 1, and the
 * `migrate` action as the API would build it (the target's directory resolved like at start).
 */
import type { Actor } from '../../../../workflows/engine/case-input';
import type { Flow, Step } from '../../../../workflows/engine/flow-model';
import type { MigrateAction, MigrationRequest } from '../../../../workflows/engine/migration';
import { at, MINUTE } from '../case/fixtures/calendars';
import { CaseDriver, caseInput } from '../case/fixtures/case-driver';
import { flow, form, notifyStep, role, rung, service, sla, task } from '../case/fixtures/flow-builder';

export const T0 = at('2026-03-02T00:00:00Z');
export const DESIGNER: Actor = { sub: 'designer-1', role: 'designer' };

/** Version 1: verify → dispatch (service) → handle (4h, escalation) → check → inform (notify). */
export function v1(): Flow {
  return flow(
    [
      task('verify', { stage: 'assessment', sla: sla('1h'), form: form({ confirmed: 'boolean!' }) }),
      service('dispatch', { after: ['verify'] }),
      task('handle', {
        after: ['dispatch'],
        sla: sla('4h'),
        allow: ['extension'],
        form: form({ done: 'boolean!' }),
        escalation: [rung('-30m', 'remind'), rung('1d', 'escalate', { to: role('supervisor', 'district') })],
      }),
      task('check', {
        stage: 'supervision',
        after: ['handle'],
        sla: sla('2h'),
        form: form({ fixed: 'boolean!' }),
      }),
      notifyStep('inform', { after: ['check'] }),
    ],
    { id: 'test.migration', data: form({ address: 'string!' }), sla: sla('2d', 'calendar') },
  );
}

/** Version 2 of `v1()`: its steps changed by `change`, anything else by `options`. */
export function v2(change: (steps: Step[]) => Step[] = (steps) => steps, options: Partial<Flow> = {}): Flow {
  const base = v1();
  return { ...base, version: 2, steps: change([...base.steps]), ...options };
}

/** Replaces the step `id` (keeping its place) with `update(step)`. */
export function replaceStep(id: string, update: (step: Step) => Step): (steps: Step[]) => Step[] {
  return (steps) => steps.map((step) => (step.id === id ? update(step) : step));
}

/** A case on version 1 (revision as given), verify completed at +10m, dispatch answered at +20m: handle active. */
export function atHandle(engineRevision?: number): CaseDriver {
  const c = new CaseDriver(caseInput(v1(), { data: { address: '北京路 1 号' } }), T0, engineRevision);
  return c
    .complete('verify', { confirmed: true }, T0 + 10 * MINUTE)
    .serve('dispatch', { ok: true, result: {} }, T0 + 20 * MINUTE);
}

/** The `migrate` action onto `target`, resolved as the API does at start (test resolution of assignees). */
export function migration(c: CaseDriver, target: Flow, extra: Partial<MigrationRequest> = {}): MigrateAction {
  const input = caseInput(target);
  return {
    type: 'migrate',
    actor: DESIGNER,
    fromVersion: c.state.input.flow.version,
    target: {
      flow: target,
      calendar: input.calendar,
      assignees: input.assignees,
      departments: input.departments,
      systems: input.systems,
    },
    stepMapping: {},
    ...extra,
  };
}
