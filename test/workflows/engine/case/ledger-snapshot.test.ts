/** What the ledger receives: events numbered by their timeline index, structured facts, a raw snapshot. */
import { ledgerBatch, ledgerSnapshot } from '../../../../workflows/engine/case/ledger-snapshot';
import { at, CN_MAINLAND } from './fixtures/calendars';
import { CaseDriver, caseInput, deptActor, SUPERVISOR } from './fixtures/case-driver';
import { exposedGarbage } from './fixtures/exposed-garbage';
import type { Flow } from '../../../../workflows/engine/flow-model';

function garbageCase(): CaseDriver {
  const input = caseInput(exposedGarbage(), {
    calendar: CN_MAINLAND,
    data: { address: '北京街道 1 号', category: 'household' },
  });
  return new CaseDriver(input, at('2026-03-02T09:00:00+08:00'))
    .complete('verify', { confirmed: true }, at('2026-03-02T09:30:00+08:00'))
    .complete('file', {}, at('2026-03-02T09:40:00+08:00'))
    .serve('dispatch', { ok: true, result: { orderId: 'W-1' } }, at('2026-03-02T09:41:00+08:00'));
}

describe('the ledger batch of a case', () => {
  it('numbers events by their timeline index, from where the last batch stopped', () => {
    const c = garbageCase();
    const first = ledgerBatch(c.state, 0);
    expect(first.events.map((e) => e.seq)).toEqual(c.state.timeline.map((_, i) => i));
    c.act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00'));
    const next = ledgerBatch(c.state, first.events.length);
    expect(next.events.map((e) => [e.seq, e.type])).toEqual([[first.events.length, 'step-claimed']]);
    expect(next.snapshot.seq).toBe(c.state.timeline.length - 1);
  });

  it('gives step events their round, department and the deadline they set or moved', () => {
    const c = garbageCase().act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00'));
    const claimed = c.state.timeline.at(-1)!;
    // 4 working hours from the claim at 10:00: 10:00–12:00 and 14:00–16:00.
    expect(claimed).toMatchObject({
      type: 'step-claimed',
      round: 1,
      department: 'sanitation-district',
      deadlineAt: at('2026-03-02T16:00:00+08:00'),
    });
    const activated = c.state.timeline.find((e) => e.type === 'step-activated' && e.stepId === 'verify');
    expect(activated).toMatchObject({ round: 1, department: 'inspector-grid' });
    expect(activated?.deadlineAt).toBe(at('2026-03-02T10:00:00+08:00'));
    c.act(
      {
        type: 'reassign',
        stepId: 'handle',
        department: 'other-dept',
        reason: 'wrong area',
        actor: SUPERVISOR,
      },
      at('2026-03-02T10:30:00+08:00'),
    );
    expect(c.state.timeline.at(-1)).toMatchObject({ type: 'step-reassigned', department: 'other-dept' });
  });

  it('snapshots raw state: instants in epoch ms, codes, the case data, no step results', () => {
    const c = garbageCase().act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00'));
    const snapshot = ledgerSnapshot(c.state);
    expect(snapshot).toMatchObject({
      caseId: 'case-1',
      flowId: 'urban.exposed-garbage',
      status: 'open',
      stage: 'action',
      createdAt: at('2026-03-02T09:00:00+08:00'),
      timezone: 'Asia/Shanghai',
      data: { address: '北京街道 1 号', category: 'household' },
    });
    const handle = snapshot.steps.find((step) => step.id === 'handle');
    expect(handle).toMatchObject({
      status: 'claimed',
      round: 1,
      department: 'sanitation-district',
      dueAt: at('2026-03-02T16:00:00+08:00'),
      dueClock: 'working',
      title: 'handle',
      stage: 'action',
    });
    expect(JSON.stringify(snapshot)).not.toContain('W-1');
    expect(snapshot.calendar).toBeUndefined();
  });

  it("carries each completed task's public note, and nothing else of its result", () => {
    const base = exposedGarbage();
    const flow: Flow = {
      ...base,
      steps: base.steps.map((step) =>
        step.kind === 'task' && step.id === 'verify'
          ? { ...step, form: { ...step.form, note: { type: 'text', required: false, public: true } } }
          : step,
      ),
    };
    const input = caseInput(flow, { calendar: CN_MAINLAND, data: { address: '北京街道 1 号' } });
    const c = new CaseDriver(input, at('2026-03-02T09:00:00+08:00'))
      .complete('verify', { confirmed: true, note: '现场属实，约 2 立方米' }, at('2026-03-02T09:30:00+08:00'))
      .complete('file', {}, at('2026-03-02T09:40:00+08:00'));
    const steps = ledgerSnapshot(c.state).steps;
    expect(steps.find((step) => step.id === 'verify')?.publicNote).toBe('现场属实，约 2 立方米');
    expect(steps.filter((step) => step.publicNote !== undefined).map((step) => step.id)).toEqual(['verify']);
    expect(JSON.stringify(steps)).not.toContain('confirmed');
  });

  it("carries the case's pinned calendar in a run's first batch and when asked, not in every write", () => {
    const c = garbageCase().act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00'));
    expect(ledgerBatch(c.state, 0).snapshot.calendar).toEqual(CN_MAINLAND);
    expect(ledgerBatch(c.state, 2).snapshot.calendar).toBeUndefined();
    expect(ledgerBatch(c.state, 2, true).snapshot.calendar).toEqual(CN_MAINLAND);
  });

  it('carries the pinned calendar once the case is resolved, for handling time', () => {
    const c = garbageCase()
      .act({ type: 'claim', stepId: 'handle' }, at('2026-03-02T10:00:00+08:00'))
      .complete('handle', { done: true }, at('2026-03-02T15:00:00+08:00'))
      .complete('check', { fixed: true }, at('2026-03-02T16:00:00+08:00'));
    const snapshot = ledgerSnapshot(c.state);
    expect(snapshot.resolvedAt).toBe(at('2026-03-02T16:00:00+08:00'));
    expect(snapshot.calendar?.name).toBe('cn-mainland');
    c.act(
      { type: 'feedback', satisfaction: 'satisfied', resolved: true, actor: deptActor('hotline') },
      at('2026-03-03T09:00:00+08:00'),
    );
    expect(ledgerSnapshot(c.state)).toMatchObject({
      status: 'closed',
      satisfaction: 'satisfied',
      onTime: true,
    });
  });
});
