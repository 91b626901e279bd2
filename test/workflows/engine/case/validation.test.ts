/** validateAction: each refusal is a typed error whose name becomes the ApplicationFailure type. */
import type { CaseAction } from '../../../../workflows/engine/case';
import { validateAction } from '../../../../workflows/engine/case';
import { fieldErrors } from '../../../../workflows/engine/case/field-validation';
import { at } from './fixtures/calendars';
import type { CaseDriver } from './fixtures/case-driver';
import { CaseDriver as Driver, caseInput, deptActor, SUPERVISOR } from './fixtures/case-driver';
import { flow, form, sla, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

function twoSteps(): CaseDriver {
  const f = flow(
    [
      task('handle', {
        sla: sla('4h'),
        allow: ['extension'],
        form: form({ done: 'boolean!', count: 'integer', when: 'date', kind: ['a', 'b'] }),
      }),
      task('check', { after: ['handle'] }),
    ],
    { data: form({ address: 'string!' }) },
  );
  return new Driver(caseInput(f, { data: { address: 'A' } }), T0);
}

const own = deptActor('handle-dept');

const cases: [string, (c: CaseDriver) => void, CaseAction, string][] = [
  [
    'a step not yet reached',
    () => undefined,
    { type: 'claim', stepId: 'check', actor: deptActor('check-dept') },
    'StepNotActiveError',
  ],
  [
    'a finished step',
    (c) => c.complete('handle', { done: true }),
    { type: 'complete', stepId: 'handle', result: { done: true }, actor: own },
    'StepNotActiveError',
  ],
  [
    'another department’s step',
    () => undefined,
    { type: 'claim', stepId: 'handle', actor: deptActor('other') },
    'StepNotAssignedError',
  ],
  [
    'an unknown step',
    () => undefined,
    { type: 'urge', stepId: 'nope', actor: SUPERVISOR },
    'StepNotFoundError',
  ],
  [
    'a result missing a required field',
    () => undefined,
    { type: 'complete', stepId: 'handle', result: {}, actor: own },
    'FormMismatchError',
  ],
  [
    'return not in allow',
    () => undefined,
    { type: 'return', stepId: 'handle', reason: 'other', actor: own },
    'ActionNotAllowedError',
  ],
  [
    'park not in allow',
    () => undefined,
    { type: 'requestPark', stepId: 'handle', reason: 'x', actor: own },
    'ActionNotAllowedError',
  ],
  [
    'an extension ending before the deadline',
    () => undefined,
    { type: 'requestExtension', stepId: 'handle', until: T0 + 1000, reason: 'x', actor: own },
    'ActionInvalidError',
  ],
  [
    'a decision without a request',
    () => undefined,
    { type: 'decideExtension', stepId: 'handle', approve: true, actor: SUPERVISOR },
    'ExtensionNotPendingError',
  ],
  [
    'a park decision while only an extension is pending',
    (c) => c.act({ type: 'requestExtension', stepId: 'handle', until: T0 + 48 * 3_600_000, reason: 'x' }),
    { type: 'decidePark', stepId: 'handle', approve: true, actor: SUPERVISOR },
    'ParkNotPendingError',
  ],
  [
    'closing an emergency that is not open',
    () => undefined,
    { type: 'setEmergency', level: 0, reason: 'x', actor: SUPERVISOR },
    'ActionNotAllowedError',
  ],
  [
    'resume of an open case',
    () => undefined,
    { type: 'resume', reason: 'x', actor: SUPERVISOR },
    'CaseNotSuspendedError',
  ],
  [
    'retry without an incident',
    () => undefined,
    { type: 'retry', stepId: 'handle', actor: SUPERVISOR },
    'IncidentNotOpenError',
  ],
  [
    'any action on a cancelled case',
    (c) => c.act({ type: 'cancel', reason: 'dup' }),
    { type: 'urge', stepId: 'handle', actor: SUPERVISOR },
    'CaseClosedError',
  ],
  [
    'data that does not match the flow',
    () => undefined,
    { type: 'updateData', data: { address: 3 }, actor: SUPERVISOR },
    'FormMismatchError',
  ],
];

describe('validateAction', () => {
  it.each(cases)('refuses %s', (_label, setup, action, name) => {
    const c = twoSteps();
    setup(c);
    let thrown: unknown;
    try {
      validateAction(c.state, action, c.now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe(name);
  });

  it('lists every form problem with its path', () => {
    const c = twoSteps();
    const action: CaseAction = {
      type: 'complete',
      stepId: 'handle',
      result: { count: 1.5, when: '2026-02-30', kind: 'c', extra: 1 },
      actor: own,
    };
    expect(() => validateAction(c.state, action, T0)).toThrow(
      expect.objectContaining({
        name: 'FormMismatchError',
        errors: [
          { path: 'result.done', message: 'is required' },
          { path: 'result.count', message: 'must be an integer' },
          { path: 'result.when', message: 'must be a date like 2026-03-09' },
          { path: 'result.kind', message: 'must be one of a, b' },
          { path: 'result.extra', message: 'is not a field of the form' },
        ],
      }),
    );
  });

  describe('names every object has (engine revision 7, formFieldsByOwnName)', () => {
    const inherited = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
    const startedOn = (revision: number): CaseDriver => {
      const f = flow([task('handle', { form: form({ done: 'boolean!' }) })], {
        data: form({ address: 'string!' }),
      });
      return new Driver(caseInput(f, { data: { address: 'A' } }), T0, revision);
    };
    // As JSON.parse gives them to the engine: `__proto__` an own key, not the prototype.
    const withName = (base: object, name: string): Record<string, unknown> => ({
      ...base,
      ...(JSON.parse(`{"${name}":"x"}`) as Record<string, unknown>),
    });

    it.each(inherited)('are unknown fields of a result and of the data from revision 7: %s', (name) => {
      const c = startedOn(7);
      const complete: CaseAction = {
        type: 'complete',
        stepId: 'handle',
        result: withName({ done: true }, name),
        actor: deptActor('handle-dept'),
      };
      expect(() => validateAction(c.state, complete, T0)).toThrow(
        expect.objectContaining({
          name: 'FormMismatchError',
          errors: [{ path: `result.${name}`, message: 'is not a field of the form' }],
        }),
      );
      const update: CaseAction = { type: 'updateData', data: withName({}, name), actor: SUPERVISOR };
      expect(() => validateAction(c.state, update, T0)).toThrow(
        expect.objectContaining({ name: 'FormMismatchError' }),
      );
    });

    it('are unknown fields of the data at intake (the API checks a new case with the default)', () => {
      const fields = form({ address: 'string!' });
      expect(fieldErrors(fields, withName({ address: 'A' }, 'toString'), 'data')).toEqual([
        { path: 'data.toString', message: 'is not a field of the form' },
      ]);
    });

    it('pass as before on a case started on revision 6, which keeps the rule it started with', () => {
      const c = startedOn(6);
      const result = withName({ done: true }, 'constructor');
      expect(() =>
        validateAction(
          c.state,
          { type: 'complete', stepId: 'handle', result, actor: deptActor('handle-dept') },
          T0,
        ),
      ).not.toThrow();
    });
  });

  it('accepts a valid completion by the assigned department, and by an admin', () => {
    const c = twoSteps();
    const result = { done: true, count: 2, when: '2026-03-02', kind: 'a' };
    expect(() =>
      validateAction(c.state, { type: 'complete', stepId: 'handle', result, actor: own }, T0),
    ).not.toThrow();
    const admin = { sub: 'root', role: 'admin' } as const;
    expect(() =>
      validateAction(c.state, { type: 'complete', stepId: 'handle', result, actor: admin }, T0),
    ).not.toThrow();
  });

  it('does not change the state it validates (applyAction returns new objects)', () => {
    const c = twoSteps();
    const before = JSON.stringify(c.state);
    const frozen = c.state;
    c.complete('handle', { done: true });
    expect(JSON.stringify(frozen)).toBe(before);
    expect(c.state).not.toBe(frozen);
  });
});
