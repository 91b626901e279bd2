/** 延期 approved and refused, 挂账, and the escalation ladder firing in order through applyTime. */
import { at, HOUR, MINUTE } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, role, rung, sla, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

/** One task due 4h after activation, with the contract's ladder. */
function ladder(allow: ('extension' | 'park' | 'return')[] = ['extension', 'park']): CaseDriver {
  const handle = task('handle', {
    sla: sla('4h'),
    allow,
    escalation: [
      rung('-30m', 'remind'),
      rung('0', 'urge'),
      rung('1d', 'escalate', { to: role('supervisor', 'district') }),
      rung('3d', 'emergency', { level: 4 }),
    ],
  });
  return new CaseDriver(caseInput(flow([handle])), T0);
}

describe('the escalation ladder', () => {
  it('fires remind, urge, escalate and emergency in order, each at its instant', () => {
    const c = ladder();
    const fired: [string, number | undefined][] = [];
    for (let i = 0; i < 4; i += 1) {
      const wake = c.wakeAt();
      if (wake === undefined) break;
      c.tick(wake);
      fired.push([c.last.map((n) => (n.type === 'notify' ? n.kind : n.type)).join('+'), wake - T0]);
    }
    expect(fired).toEqual([
      ['remind', 4 * HOUR - 30 * MINUTE],
      ['urge', 4 * HOUR],
      ['escalate', 28 * HOUR],
      ['emergency', 76 * HOUR],
    ]);
    expect(c.notifications('escalate')[0]).toMatchObject({ department: 'supervisor-district' });
    expect(c.notifications('urge')[0]).toMatchObject({ department: 'handle-dept', notifyUrl: 'http://h' });
    expect(c.view()).toMatchObject({ emergencyLevel: 4, stage: 'emergency' });
    expect(c.wakeAt()).toBeUndefined();
  });

  it('fires everything due at once, oldest first, when time jumps', () => {
    const c = ladder().tick(T0 + 30 * HOUR);
    expect(c.last.map((n) => (n.type === 'notify' ? n.kind : n.type))).toEqual([
      'remind',
      'urge',
      'escalate',
    ]);
    expect(c.step('handle').overdue).toBe(true);
    expect(c.summary().overdue).toBe(true);
  });

  it('does nothing before the first rung', () => {
    const c = ladder().tick(T0 + HOUR);
    expect(c.last).toEqual([]);
  });
});

describe('extension (延期)', () => {
  it('moves the deadline to `until` and re-times the rungs when approved', () => {
    const c = ladder().tick(T0 + 4 * HOUR);
    expect(c.notifications('urge')).toHaveLength(1);
    const until = T0 + 8 * HOUR;
    c.act({ type: 'requestExtension', stepId: 'handle', until, reason: '需协调' }, T0 + 4 * HOUR + MINUTE);
    expect(c.step('handle').request).toMatchObject({ kind: 'extension', until: '2026-03-02T08:00:00+00:00' });
    c.act({ type: 'decideExtension', stepId: 'handle', approve: true, note: 'ok' });
    const handle = c.step('handle');
    expect(handle).toMatchObject({ dueAt: '2026-03-02T08:00:00+00:00', overdue: false });
    expect(handle.dueExplanation).toContain('extended to 2026-03-02T08:00:00+00:00, approved by sup-1: ok');
    expect(c.wakeAt()).toBe(until - 30 * MINUTE);
    c.tick(until);
    expect(c.last.map((n) => (n.type === 'notify' ? n.kind : ''))).toEqual(['remind', 'urge']);
  });

  it('leaves the deadline unchanged when refused', () => {
    const c = ladder();
    c.act({ type: 'requestExtension', stepId: 'handle', until: T0 + 8 * HOUR, reason: 'x' });
    c.act({ type: 'decideExtension', stepId: 'handle', approve: false });
    expect(c.step('handle')).toMatchObject({ dueAt: '2026-03-02T04:00:00+00:00' });
    expect(c.step('handle').request).toBeUndefined();
    expect(c.timelineTypes()).toEqual(expect.arrayContaining(['extension-requested', 'extension-refused']));
  });
});

describe('park (挂账)', () => {
  it('stops the rungs and leaves the step out of on-time metrics once approved', () => {
    const c = ladder();
    c.act({ type: 'requestPark', stepId: 'handle', reason: '季节性施工' });
    c.act({ type: 'decidePark', stepId: 'handle', approve: true });
    expect(c.wakeAt()).toBeUndefined();
    c.tick(T0 + 5 * 24 * HOUR);
    expect(c.last).toEqual([]);
    expect(c.step('handle')).toMatchObject({ parked: true, overdue: false });
    c.complete('handle', {}, T0 + 6 * 24 * HOUR);
    expect(c.view().metrics).toMatchObject({ roundsLate: 0, roundsOnTime: 0 });
  });
});
