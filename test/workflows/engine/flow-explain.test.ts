import { explainFlow, FlowProfileUnknownError } from '../../../workflows/engine/flow-explain';
import type { Flow, SlaSpec, Step } from '../../../workflows/engine/flow-model';
import { parseDuration, parseInstant } from '../../../workflows/engine/time';
import { cnMainland } from './time/calendar-fixtures';

const FRIDAY_1630 = parseInstant('2026-03-06T16:30:00+08:00');

const sla = (
  within: string,
  clock: SlaSpec['clock'] = 'working',
  starts: SlaSpec['starts'] = 'activated',
) => ({
  within: parseDuration(within),
  clock,
  starts,
});

const base = { after: [], stage: 'action' as const };
const steps: Step[] = [
  {
    ...base,
    id: 'handle',
    kind: 'task',
    assignee: { role: 'sanitation', level: 'district' },
    form: {},
    sla: sla('4h'),
    allow: [],
    escalation: [],
  },
  {
    ...base,
    id: 'claimed',
    kind: 'task',
    assignee: { role: 'sanitation', level: 'district' },
    form: {},
    sla: sla('2h', 'calendar', 'claimed'),
    allow: [],
    escalation: [],
  },
  { ...base, id: 'call', kind: 'service', call: { system: 's', operation: 'o', input: {} } },
  { ...base, id: 'tell', kind: 'notify', message: { zh: '好' } },
  { ...base, id: 'pause', kind: 'wait', for: parseDuration('1d'), clock: 'working' },
  { ...base, id: 'until', kind: 'wait', until: 'case.data.when', clock: 'working' },
];

const flow: Flow = {
  id: 't.explain',
  version: 3,
  title: { en: 'Explain' },
  source: [],
  calendar: 'cn-mainland',
  sla: sla('2d'),
  data: {},
  steps,
  emergency: {
    triggers: [],
    steps: [{ ...base, id: 'report', stage: 'emergency', kind: 'notify', message: { en: 'Report' } }],
  },
  review: { feedback: { within: parseDuration('3d'), clock: 'calendar' } },
  profiles: {
    local: { sla: { handle: sla('1d'), call: sla('30m') }, caseSla: sla('5d') },
    empty: { sla: {} },
  },
};

describe('explainFlow', () => {
  it('puts a 4h working SLA started Friday 16:30 on Monday 11:30, skipping the weekend', () => {
    const handle = explainFlow(flow, cnMainland, { start: FRIDAY_1630 }).steps[0];
    expect(handle).toEqual({
      id: 'handle',
      kind: 'task',
      stage: 'action',
      sla: { within: '4h', clock: 'working', starts: 'activated', days: 0, minutes: 240 },
      dueAt: '2026-03-09T11:30:00+08:00',
      explanation: expect.stringContaining('weekend 2026-03-07, 2026-03-08 skipped → Mon 2026-03-09 11:30'),
      explanationZh: expect.stringContaining('跳过周末 2026-03-07、2026-03-08 → 2026-03-09（周一）11:30'),
    });
  });

  it('lists every step, emergency steps last, in flow order', () => {
    const result = explainFlow(flow, cnMainland, { start: FRIDAY_1630 });
    expect(result.steps.map((step) => [step.id, step.stage])).toEqual([
      ['handle', 'action'],
      ['claimed', 'action'],
      ['call', 'action'],
      ['tell', 'action'],
      ['pause', 'action'],
      ['until', 'action'],
      ['report', 'emergency'],
    ]);
    expect(result).toMatchObject({
      flow: { id: 't.explain', version: 3, calendar: 'cn-mainland' },
      profile: null,
      start: '2026-03-06T16:30:00+08:00',
    });
  });

  it('counts a claimed SLA from the start and says so; calendar clocks run through the evening', () => {
    const claimed = explainFlow(flow, cnMainland, { start: FRIDAY_1630 }).steps[1];
    expect(claimed?.dueAt).toBe('2026-03-06T18:30:00+08:00');
    expect(claimed?.sla).toEqual({
      within: '2h',
      clock: 'calendar',
      starts: 'claimed',
      days: 0,
      minutes: 120,
    });
    expect(claimed?.explanation).toMatch(/^counted from claim, taken as the start: 2 hours from Fri/);
    expect(claimed?.explanationZh).toMatch(
      /^自签收起算（此处以起点为签收时间）：自 2026-03-06（周五）16:30 起 2 小时，按自然时间计/,
    );
  });

  it('gives steps without a time limit a null sla and dueAt, and wait steps the time they resume', () => {
    const byId = new Map(explainFlow(flow, cnMainland, { start: FRIDAY_1630 }).steps.map((s) => [s.id, s]));
    expect(byId.get('call')).toMatchObject({
      sla: null,
      dueAt: null,
      explanation: 'service step without a time limit',
    });
    expect(byId.get('tell')).toMatchObject({ sla: null, dueAt: null });
    expect(byId.get('report')).toMatchObject({ sla: null, dueAt: null });
    expect(byId.get('pause')).toMatchObject({ sla: null, dueAt: '2026-03-09T16:30:00+08:00' });
    expect(byId.get('until')).toMatchObject({
      dueAt: null,
      explanation: expect.stringContaining('case.data.when'),
    });
  });

  it('adds the whole-case SLA and the follow-up visit window', () => {
    const result = explainFlow(flow, cnMainland, { start: FRIDAY_1630 });
    expect(result.case).toMatchObject({
      sla: { within: '2d', clock: 'working', starts: 'activated' },
      dueAt: '2026-03-10T16:30:00+08:00',
      explanation: expect.stringMatching(/^whole case: 2 working days from Fri 2026-03-06 16:30/),
    });
    expect(result.review).toMatchObject({ dueAt: '2026-03-09T16:30:00+08:00' });
  });

  it("applies a profile's step and case overrides and leaves other steps alone", () => {
    const result = explainFlow(flow, cnMainland, { start: FRIDAY_1630, profile: 'local' });
    expect(result.profile).toBe('local');
    const [handle, claimed, call] = result.steps;
    expect(handle).toMatchObject({ sla: { within: '1d' }, dueAt: '2026-03-09T16:30:00+08:00' });
    expect(handle?.explanation).toMatch(/^profile override: 1 working day from/);
    expect(claimed?.sla?.within).toBe('2h');
    expect(call).toMatchObject({ sla: { within: '30m' }, dueAt: '2026-03-06T17:00:00+08:00' });
    expect(result.case).toMatchObject({ sla: { within: '5d' }, dueAt: '2026-03-13T16:30:00+08:00' });
  });

  it('uses the flow SLAs under a profile that overrides none', () => {
    const result = explainFlow(flow, cnMainland, { start: FRIDAY_1630, profile: 'empty' });
    expect(result.steps[0]?.sla?.within).toBe('4h');
    expect(result.case.sla?.within).toBe('2d');
  });

  it('throws FlowProfileUnknownError naming the known profiles', () => {
    const explain = () => explainFlow(flow, cnMainland, { start: FRIDAY_1630, profile: 'national' });
    expect(explain).toThrow(FlowProfileUnknownError);
    expect(explain).toThrow("flow 't.explain' has no profile 'national' (profiles: empty, local)");
  });

  it('skips the Qingming holidays (2026-04-04 to 04-06) on a working clock', () => {
    const result = explainFlow(flow, cnMainland, { start: parseInstant('2026-04-03T16:30:00+08:00') });
    expect(result.steps[0]?.dueAt).toBe('2026-04-07T11:30:00+08:00');
    expect(result.steps[0]?.explanation).toContain('holidays 2026-04-04 to 2026-04-06 skipped');
  });

  it('reports a deadline it cannot compute instead of failing the whole explanation', () => {
    const closed = { ...cnMainland, name: 'closed', workingHours: [] };
    const result = explainFlow(flow, closed, { start: FRIDAY_1630 });
    expect(result.case.dueAt).toBeNull();
    expect(result.case.explanation).toMatch(/^whole case: cannot compute: /);
  });
});
