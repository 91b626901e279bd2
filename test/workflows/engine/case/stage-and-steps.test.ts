/** Stage computation, wait and notify steps, 改派, 催办, profiles, the whole-case SLA and the summary. */
import { at, HOUR } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, notifyStep, sla, task, waitStep } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

describe('the current stage', () => {
  const f = flow([
    task('intake', { stage: 'assessment' }),
    task('fanout', { stage: 'mobilization', after: ['intake'] }),
    task('branch-a', { stage: 'action', after: ['fanout'] }),
    task('branch-b', { stage: 'supervision', after: ['fanout'] }),
    task('visit', { stage: 'review', after: ['branch-a', 'branch-b'] }),
  ]);

  it.each<[string, string[], string]>([
    ['the first step', [], 'assessment'],
    ['the earliest stage among active steps', ['intake', 'fanout'], 'action'],
    ['the remaining active step', ['intake', 'fanout', 'branch-a'], 'supervision'],
    ['review once only review steps remain', ['intake', 'fanout', 'branch-a', 'branch-b'], 'review'],
    ['closed at the end', ['intake', 'fanout', 'branch-a', 'branch-b', 'visit'], 'closed'],
  ])('is %s', (_label, done, stage) => {
    const c = new CaseDriver(caseInput(f), T0);
    for (const id of done) c.complete(id);
    expect(c.view().stage).toBe(stage);
    expect(c.summary().stage).toBe(stage);
  });

  it('is emergency while an emergency is open, whatever else runs', () => {
    const c = new CaseDriver(caseInput(f), T0).act({ type: 'setEmergency', level: 3, reason: 'x' });
    expect(c.view().stage).toBe('emergency');
  });

  it('is closed when the case is cancelled, with every open step cancelled', () => {
    const c = new CaseDriver(caseInput(f), T0).act({ type: 'cancel', reason: '重复件' });
    expect(c.view()).toMatchObject({ status: 'cancelled', stage: 'closed' });
    expect(c.statuses()).toMatchObject({ intake: 'cancelled:1', fanout: 'cancelled:0' });
  });
});

describe('wait and notify steps', () => {
  it('waits `for` a duration on its clock, then moves on', () => {
    const c = new CaseDriver(
      caseInput(flow([waitStep('cool-off', { for: '2h' }), task('next', { after: ['cool-off'] })])),
      T0,
    );
    expect(c.wakeAt()).toBe(T0 + 2 * HOUR);
    c.tick(T0 + 2 * HOUR);
    expect(c.statuses()).toMatchObject({ 'cool-off': 'completed:1', next: 'active:1' });
  });

  it('waits `until` a CEL timestamp', () => {
    const f = flow([
      waitStep('appointment', { until: 'timestamp(case.data.visitAt)' }),
      task('visit', { after: ['appointment'] }),
    ]);
    const c = new CaseDriver(caseInput(f, { data: { visitAt: '2026-03-05T01:00:00Z' } }), T0);
    expect(c.wakeAt()).toBe(at('2026-03-05T01:00:00Z'));
    c.tick(at('2026-03-05T01:00:00Z'));
    expect(c.statuses()['visit']).toBe('active:1');
  });

  it('completes a notify step at once with a notification to its department', () => {
    const c = new CaseDriver(
      caseInput(flow([notifyStep('tell', { assignee: { department: 'handle-dept' }, message: '已受理' })])),
      T0,
    );
    expect(c.commands).toEqual([
      expect.objectContaining({
        type: 'notify',
        kind: 'notify',
        department: 'handle-dept',
        notifyUrl: 'http://h',
        message: '已受理',
      }),
    ]);
    expect(c.view().status).toBe('closed');
  });
});

describe('reassign, urge, profiles and the whole-case SLA', () => {
  it('改派 keeps the round and the running deadline, and needs a new claim', () => {
    const c = new CaseDriver(caseInput(flow([task('handle', { sla: sla('4h') })])), T0);
    c.act({ type: 'claim', stepId: 'handle' }).act(
      { type: 'reassign', stepId: 'handle', department: 'water-dept', reason: '权属' },
      T0 + HOUR,
    );
    expect(c.step('handle')).toMatchObject({
      status: 'active',
      round: 1,
      assignee: { department: 'water-dept' },
      dueAt: '2026-03-02T04:00:00+00:00',
    });
    expect(c.last).toEqual([expect.objectContaining({ kind: 'notify', department: 'water-dept' })]);
    expect(() =>
      c.act({
        type: 'claim',
        stepId: 'handle',
        actor: { sub: 'u', role: 'department', dept: 'handle-dept' },
      }),
    ).toThrow(expect.objectContaining({ name: 'StepNotAssignedError' }));
  });

  it('催办 notifies the step’s department and is counted', () => {
    const c = new CaseDriver(caseInput(flow([task('handle')])), T0).act({
      type: 'urge',
      stepId: 'handle',
      note: '尽快',
    });
    expect(c.last).toEqual([
      expect.objectContaining({ kind: 'urge', department: 'handle-dept', message: '催办: handle: 尽快' }),
    ]);
    expect(c.view().metrics?.urges).toBe(1);
  });

  it('uses the profile’s SLA overrides for steps and the whole case', () => {
    const f = flow([task('register', { sla: sla('5d') })], {
      sla: sla('8d'),
      profiles: { 'shenzhen-2020': { sla: { register: sla('0.5d') }, caseSla: sla('1d') } },
    });
    const c = new CaseDriver(caseInput(f, { profile: 'shenzhen-2020' }), T0);
    expect(c.step('register').dueAt).toBe('2026-03-02T12:00:00+00:00');
    expect(c.view()).toMatchObject({ profile: 'shenzhen-2020', dueAt: '2026-03-03T00:00:00+00:00' });
  });

  it('flags the whole case overdue once its SLA passes, once', () => {
    const c = new CaseDriver(caseInput(flow([task('handle')], { sla: sla('1d', 'calendar') })), T0);
    c.tick(T0 + 25 * HOUR).tick(T0 + 26 * HOUR);
    expect(c.notifications('overdue')).toHaveLength(1);
    expect(c.view().overdue).toBe(true);
    expect(c.summary()).toMatchObject({
      overdue: true,
      nextDueAt: T0 + 24 * HOUR,
      waitingOn: ['handle-dept'],
    });
  });

  it('reports progress time and no incident in the summary', () => {
    const c = new CaseDriver(caseInput(flow([task('a'), task('b', { after: ['a'] })])), T0).complete(
      'a',
      {},
      T0 + HOUR,
    );
    c.act({ type: 'urge', stepId: 'b' }, T0 + 2 * HOUR);
    expect(c.summary()).toMatchObject({
      lastProgressAt: T0 + HOUR,
      incident: false,
      emergencyLevel: 0,
      status: 'open',
    });
  });
});
