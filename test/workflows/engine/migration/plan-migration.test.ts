/**
 * Planning a migration without a server: which steps move, keep, retire, are added or skipped; what is refused
 * and where; data against the target's fields; deadlines kept or recomputed, each decision explained.
 */
import type { Step, TaskStep } from '../../../../workflows/engine/flow-model';
import { MigrationRefusedError, planMigration } from '../../../../workflows/engine/migration';
import type { MigrationRequest, StepMigration } from '../../../../workflows/engine/migration';
import { HOUR, MINUTE } from '../case/fixtures/calendars';
import { CaseDriver, caseInput } from '../case/fixtures/case-driver';
import { flow, form, notifyStep, service, sla, task, waitStep } from '../case/fixtures/flow-builder';
import { T0, atHandle, migration, replaceStep, v1, v2 } from './fixtures';

const NOW = T0 + 2 * HOUR;
const planOf = (c: CaseDriver, target = v2(), extra: Partial<MigrationRequest> = {}) =>
  planMigration(c.state, migration(c, target, extra), NOW).plan;
const line = (lines: readonly StepMigration[], id: string) =>
  lines.find((l) => l.from === id || (l.from === undefined && l.to === id));
const asTask = (step: Step): TaskStep => {
  if (step.kind !== 'task') throw new Error(`${step.id} is not a task`);
  return step;
};

describe('a migration plan onto an unchanged version 2', () => {
  it('moves the running step, keeps the finished ones with their results, and is accepted', () => {
    const c = atHandle();
    const plan = planOf(c);
    expect(plan).toMatchObject({ fromVersion: 1, toVersion: 2, accepted: true, applied: false, errors: [] });
    expect(plan.steps.map((l) => [l.from, l.to, l.status, l.decision])).toEqual([
      ['verify', 'verify', 'completed', 'keep'],
      ['dispatch', 'dispatch', 'completed', 'keep'],
      ['handle', 'handle', 'active', 'move'],
      ['check', 'check', 'pending', 'keep'],
      ['inform', 'inform', 'pending', 'keep'],
    ]);
    expect(line(plan.steps, 'handle')).toMatchObject({
      deadline: 'kept',
      dueAt: '2026-03-02T04:20:00+00:00',
    });
    expect(line(plan.steps, 'verify')?.explanation).toBe('kept: completed in round 1, its result stays');
    expect(plan.caseDeadline).toMatchObject({ decision: 'kept' });
    expect(plan.notes[0]).toMatch(/^engine revision \d+ kept/);
  });

  it('answers the same plan for the same case, request and instant', () => {
    const c = atHandle();
    expect(planOf(c)).toEqual(planOf(c));
  });
});

describe('refusals, each located', () => {
  const cases: [
    string,
    () => CaseDriver,
    () => ReturnType<typeof v2>,
    Partial<MigrationRequest>,
    object[],
  ][] = [
    [
      'a running step the target lacks',
      atHandle,
      () =>
        v2((steps) =>
          steps
            .filter((s) => s.id !== 'handle')
            .map((s) => (s.id === 'check' ? { ...s, after: ['dispatch'] } : s)),
        ),
      {},
      [{ path: 'steps.handle', message: expect.stringContaining("version 2 has no step 'handle'") }],
    ],
    [
      'a running step whose namesake is of another kind',
      atHandle,
      () => v2(replaceStep('handle', (s) => waitStep('handle', { after: [...s.after], for: '1h' }))),
      {},
      [
        {
          path: 'steps.handle',
          message: expect.stringContaining("version 2's 'handle' is a wait step, this is a task step"),
        },
      ],
    ],
    [
      'a mapping from a step the case does not have',
      atHandle,
      () => v2(),
      { stepMapping: { nope: 'handle' } },
      [{ path: 'stepMapping.nope', message: "version 1 has no step 'nope'" }],
    ],
    [
      'a mapping onto a step the target does not have',
      atHandle,
      () => v2(),
      { stepMapping: { handle: 'nope' } },
      [
        { path: 'stepMapping.handle', message: "version 2 has no step 'nope'" },
        { path: 'steps.handle', message: expect.stringContaining('its stepMapping entry is refused') },
      ],
    ],
    [
      'a mapping onto a step of another kind',
      atHandle,
      () => v2(),
      { stepMapping: { handle: 'inform' } },
      [
        {
          path: 'stepMapping.handle',
          message: expect.stringContaining("'handle' is a task step and 'inform' a notify step"),
        },
        { path: 'steps.handle', message: expect.stringContaining('refused') },
      ],
    ],
    [
      'two steps mapped onto one',
      atHandle,
      () => v2(),
      { stepMapping: { handle: 'check', verify: 'check' } },
      [{ path: 'stepMapping.verify', message: "'check' is already the target of 'handle'" }],
    ],
    [
      'data missing a field the target requires',
      atHandle,
      () => v2(undefined, { data: form({ address: 'string!', district: 'string!' }) }),
      {},
      [{ path: 'data.district', message: 'is required' }],
    ],
    [
      'data with a field the target no longer has',
      atHandle,
      () => v2(undefined, { data: form({ place: 'string' }) }),
      {},
      [{ path: 'data.address', message: 'is not a field of the form' }],
    ],
    [
      'a request planned for another version',
      atHandle,
      () => v2(),
      { fromVersion: 2 },
      [{ path: 'fromVersion', message: 'the case is on version 1, not 2' }],
    ],
    [
      'the version the case is on',
      atHandle,
      () => v1(),
      {},
      [{ path: 'toVersion', message: 'the case is already on version 1' }],
    ],
    [
      'a version of another flow',
      atHandle,
      () => v2(undefined, { id: 'other.flow' }),
      {},
      [{ path: 'toVersion', message: "the target is a version of flow 'other.flow', not 'test.migration'" }],
    ],
    [
      'a service step renamed while its call is in flight',
      () =>
        new CaseDriver(caseInput(v1(), { data: { address: 'x' } }), T0).complete('verify', {
          confirmed: true,
        }),
      () =>
        v2((steps) =>
          steps.map((s) =>
            s.id === 'dispatch' ? { ...s, id: 'order' } : s.id === 'handle' ? { ...s, after: ['order'] } : s,
          ),
        ),
      { stepMapping: { dispatch: 'order' } },
      [
        {
          path: 'steps.dispatch',
          message: expect.stringContaining("its call to 'dispatch-system' is in flight"),
        },
      ],
    ],
    [
      'a profile the target lacks',
      () =>
        new CaseDriver(
          caseInput(
            { ...v1(), profiles: { urgent: { sla: {} } } },
            { data: { address: 'x' }, profile: 'urgent' },
          ),
          T0,
        ),
      () => v2(),
      {},
      [{ path: 'profile', message: "version 2 has no profile 'urgent'" }],
    ],
  ];

  it.each(cases)('refuses %s', (_name, start, target, extra, errors) => {
    const c = start();
    const plan = planOf(c, target(), extra);
    expect(plan.accepted).toBe(false);
    expect(plan.errors).toEqual(errors);
    expect(() => c.act({ ...migration(c, target(), extra) }, NOW)).toThrow(MigrationRefusedError);
  });

  it('refuses a closed case', () => {
    const c = new CaseDriver(caseInput(flow([task('only')]), {}), T0).complete('only');
    const plan = planMigration(c.state, migration(c, { ...flow([task('only')]), version: 2 }), NOW).plan;
    expect(plan.errors).toEqual([{ path: 'caseId', message: 'the case is closed' }]);
  });
});

describe('step mapping', () => {
  const renamed = () =>
    v2((steps) =>
      steps.map((s) =>
        s.id === 'handle' ? { ...s, id: 'handling' } : s.id === 'check' ? { ...s, after: ['handling'] } : s,
      ),
    );

  it('moves a running step onto the step it is mapped to, with its round, assignee and deadline', () => {
    const c = atHandle();
    c.act({ type: 'claim', stepId: 'handle' }, T0 + 30 * MINUTE);
    const before = c.state.steps['handle'];
    c.act(migration(c, renamed(), { stepMapping: { handle: 'handling' } }), NOW);
    expect(c.state.steps['handle']).toBeUndefined();
    expect(c.state.steps['handling']).toEqual({ ...before, id: 'handling' });
    expect(c.step('handling')).toMatchObject({ status: 'claimed', round: 1 });
    const migrated = c.state.timeline.at(-1);
    expect(migrated).toMatchObject({ type: 'case-migrated', actor: { role: 'designer' } });
    expect(migrated?.detail).toBe('version 1 → 2; mapping handle → handling; moved handling');
    c.complete('handling', { done: true }, NOW);
    expect(c.statuses()).toMatchObject({ handling: 'completed:1', check: 'active:1' });
  });

  it('refuses the same renaming without a mapping, naming the step', () => {
    const plan = planOf(atHandle(), renamed());
    expect(plan.errors.map((e) => e.path)).toEqual(['steps.handle']);
    expect(line(plan.steps, 'handle')?.decision).toBe('refuse');
  });
});

describe('deadlines of moved steps', () => {
  const handleSla = (within: string) =>
    v2(replaceStep('handle', (s) => ({ ...asTask(s), sla: sla(within) })));

  it('recomputes from the same start instant when the target changes the limit', () => {
    const c = atHandle();
    const result = planMigration(c.state, migration(c, handleSla('6h')), NOW);
    expect(line(result.plan.steps, 'handle')).toMatchObject({
      deadline: 'recomputed',
      dueAt: '2026-03-02T06:20:00+00:00',
    });
    expect(line(result.plan.steps, 'handle')?.explanation).toContain(
      'recomputed for version 2 (6h, working time, from 2026-03-02T00:20:00+00:00)',
    );
    expect(result.patch?.steps['handle']?.deadline?.at).toBe(T0 + 20 * MINUTE + 6 * HOUR);
  });

  it('keeps a deadline an extension moved, saying why', () => {
    const c = atHandle();
    c.act({ type: 'requestExtension', stepId: 'handle', until: T0 + 8 * HOUR, reason: 'rain' }, T0 + HOUR);
    c.act({ type: 'decideExtension', stepId: 'handle', approve: true }, T0 + HOUR);
    const handle = line(planOf(c, handleSla('6h')).steps, 'handle');
    expect(handle).toMatchObject({ deadline: 'kept', dueAt: '2026-03-02T08:00:00+00:00' });
    expect(handle?.explanation).toContain('an extension, a suspension or 改派 had moved it');
  });

  it('removes the deadline when the target sets no limit, and waits for 签收 when its clock starts there', () => {
    const none = v2(replaceStep('handle', (s) => ({ ...asTask(s), sla: undefined })));
    expect(line(planOf(atHandle(), none).steps, 'handle')).toMatchObject({ deadline: 'removed' });
    const atClaim = v2(
      replaceStep('handle', (s) => ({ ...asTask(s), sla: sla('4h', 'working', 'claimed') })),
    );
    const c = atHandle();
    const result = planMigration(c.state, migration(c, atClaim), NOW);
    expect(line(result.plan.steps, 'handle')).toMatchObject({ deadline: 'at-claim' });
    expect(result.patch?.steps['handle']?.deadline).toBeUndefined();
    c.act(migration(c, atClaim), NOW).act({ type: 'claim', stepId: 'handle' }, NOW + HOUR);
    expect(c.state.steps['handle']?.deadline?.at).toBe(NOW + 5 * HOUR);
  });

  it('does not fire late the rungs a recomputed deadline puts in the past', () => {
    const c = atHandle();
    c.act(migration(c, handleSla('1h')), NOW);
    expect(c.state.steps['handle']?.rungs).toEqual([
      { at: T0 + 50 * MINUTE, fired: true },
      { at: T0 + 80 * MINUTE + 24 * HOUR, fired: false },
    ]);
    c.tick(NOW + MINUTE);
    expect(c.notifications('remind')).toEqual([]);
  });

  it('recomputes a running wait step on the target timer', () => {
    const waiting = flow([waitStep('cool-off', { for: '2h' }), task('after', { after: ['cool-off'] })]);
    const c = new CaseDriver(caseInput(waiting), T0);
    c.act(
      migration(c, {
        ...waiting,
        version: 2,
        steps: [waitStep('cool-off', { for: '1h' }), task('after', { after: ['cool-off'] })],
      }),
      T0 + 30 * MINUTE,
    );
    expect(c.state.steps['cool-off']?.waitUntil).toBe(T0 + HOUR);
    expect(c.wakeAt()).toBe(T0 + HOUR);
  });
});

describe('steps the target adds or drops', () => {
  it('skips a new step before where the case stands, and runs a new step after it', () => {
    const target = v2((steps) => [
      ...steps.flatMap((s) =>
        s.id === 'handle'
          ? [task('triage', { after: ['dispatch'] }), { ...s, after: ['triage'] }]
          : s.id === 'inform'
            ? [s, notifyStep('survey', { after: ['check'] })]
            : [s],
      ),
    ]);
    const c = atHandle();
    const plan = planOf(c, target);
    expect(line(plan.steps, 'triage')).toMatchObject({ status: 'new', decision: 'skip' });
    expect(line(plan.steps, 'triage')?.explanation).toContain('the case has already reached handle');
    expect(line(plan.steps, 'survey')).toMatchObject({ status: 'new', decision: 'add' });
    c.act(migration(c, target), NOW).complete('handle', { done: true }).complete('check', { fixed: true });
    expect(c.statuses()).toMatchObject({ triage: 'skipped:0', survey: 'completed:1', inform: 'completed:1' });
    expect(c.state.status).toBe('closed');
  });

  it('retires a finished step the target drops: shown with its version, counted in the metrics', () => {
    const target = v2((steps) =>
      steps.filter((s) => s.id !== 'verify').map((s) => (s.id === 'dispatch' ? { ...s, after: [] } : s)),
    );
    const c = atHandle();
    expect(line(planOf(c, target).steps, 'verify')).toMatchObject({
      decision: 'retire',
      status: 'completed',
    });
    const roundsBefore = c.view(NOW).metrics?.roundsOnTime;
    c.act(migration(c, target), NOW);
    expect(c.state.steps['verify']).toBeUndefined();
    expect(c.view(NOW).steps.find((s) => s.id === 'verify')).toMatchObject({
      status: 'completed',
      result: { confirmed: true },
      retiredFromVersion: 1,
    });
    expect(c.view(NOW).metrics?.roundsOnTime).toBe(roundsBefore);
    expect(c.state.timeline.at(-1)?.detail).toBe('version 1 → 2; moved handle; retired verify');
  });

  it('drops a step the target removes that never ran, and gives a new assignee its department', () => {
    const target = v2((steps) => [
      ...steps.filter((s) => s.id !== 'inform'),
      task('archive', { after: ['check'], assignee: { role: 'archivist', level: 'district' } }),
    ]);
    const c = atHandle();
    const plan = planOf(c, target);
    expect(line(plan.steps, 'inform')).toMatchObject({ decision: 'drop' });
    expect(plan.newAssignees).toEqual([{ key: 'role:archivist@district', department: 'archivist-district' }]);
    c.act(migration(c, target), NOW).complete('handle', { done: true }).complete('check', { fixed: true });
    expect(c.step('archive').assignee).toEqual({
      department: 'archivist-district',
      role: 'archivist',
      level: 'district',
    });
  });
});

describe('data and what stays the same', () => {
  it('merges the data a request sets (null removes) before checking it against the target', () => {
    const target = v2(undefined, { data: form({ place: 'string!', district: 'string' }) });
    const c = atHandle();
    c.act(migration(c, target, { data: { address: null, place: '北京路', district: '越秀' } }), NOW);
    expect(c.state.data).toEqual({ place: '北京路', district: '越秀' });
  });

  it('keeps the engine revision the case started with', () => {
    const c = atHandle(0);
    c.act(migration(c, v2()), NOW);
    expect(c.state.engineRevision).toBe(0);
    expect(c.state.input.flow.version).toBe(2);
  });

  it('keeps the department holding a running step when the target assigns it otherwise, saying so', () => {
    const target = v2(
      replaceStep('handle', (s) => ({ ...asTask(s), assignee: { department: 'other-dept' } })),
    );
    const c = atHandle();
    expect(line(planOf(c, target).steps, 'handle')?.explanation).toContain(
      'handle-dept keeps it (version 2 assigns the step otherwise: 改派 moves it now)',
    );
    c.act(migration(c, target), NOW);
    expect(c.step('handle').assignee).toEqual({ department: 'handle-dept' });
  });

  it('lets a service call in flight complete the moved step', () => {
    const c = new CaseDriver(caseInput(v1(), { data: { address: 'x' } }), T0).complete('verify', {
      confirmed: true,
    });
    const target = v2(
      replaceStep('dispatch', (s) => ({
        ...s,
        call: { system: 'dispatch-system', operation: 'open', input: {} },
      })),
    );
    expect(line(planOf(c, target).steps, 'dispatch')?.explanation).toContain(
      'the call in flight completes this round',
    );
    c.act(migration(c, target), NOW).serve('dispatch', { ok: true, result: { order: 1 } }, NOW);
    expect(c.statuses()).toMatchObject({ dispatch: 'completed:1', handle: 'active:1' });
  });
});

describe('a service step', () => {
  it('of version 2 may be new and run when the case gets there', () => {
    const target = v2((steps) => [...steps, service('archive-call', { after: ['check'] })]);
    const c = atHandle();
    c.act(migration(c, target), NOW).complete('handle', { done: true }).complete('check', { fixed: true });
    expect(c.calls().at(-1)).toMatchObject({
      stepId: 'archive-call',
      idempotencyKey: 'case-1/archive-call/1',
    });
  });
});
