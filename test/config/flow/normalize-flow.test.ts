import { validateFlowSource } from '../../../config/flow/validate-flow';
import type { Flow } from '../../../workflows/engine/flow-model';
import { ctx, exampleYaml } from './flow-fixtures';

function normalized(text: string): Flow {
  const result = validateFlowSource(text, 'yaml', ctx);
  if (!result.valid) throw new Error(JSON.stringify(result.problems));
  return result.flow;
}

describe('normalizeFlow', () => {
  const flow = normalized(exampleYaml);
  const step = (id: string) => [...flow.steps, ...(flow.emergency?.steps ?? [])].find((s) => s.id === id);

  it('parses durations, signed ones included', () => {
    expect(flow.sla).toEqual({
      within: { text: '2d', negative: false, days: 2, millis: 0 },
      clock: 'working',
      starts: 'activated',
    });
    const handle = step('handle');
    expect(
      handle?.kind === 'task' && handle.escalation.map((r) => [r.at.negative, r.at.days, r.at.millis]),
    ).toEqual([
      [true, 0, 1_800_000],
      [false, 0, 0],
      [false, 1, 0],
      [false, 3, 0],
    ]);
  });

  it('fills defaults: after, allow, escalation, form, required, starts', () => {
    expect(step('verify')).toMatchObject({
      after: [],
      allow: [],
      escalation: [],
      sla: { starts: 'activated' },
    });
    expect(step('file')).toMatchObject({ form: {} });
    expect(flow.data['photoUrl']).toEqual({ type: 'string', required: false });
    expect(step('handle')).toMatchObject({ sla: { starts: 'claimed' }, allow: ['return', 'extension'] });
  });

  it('puts emergency steps in stage emergency', () => {
    expect(step('report-district')).toMatchObject({ stage: 'emergency', kind: 'task', after: [] });
    expect(flow.emergency?.triggers).toEqual([{ when: 'case.data.injuries == true', level: 4 }]);
  });

  it('defaults the calendar to cn-mainland and a missing clock to working', () => {
    const text = `id: t.defaults
version: 2
title: { zh: 默认 }
steps:
  - id: pause
    stage: action
    kind: wait
    for: 2d
profiles:
  fast: { caseSla: { within: 1d } }
`;
    const defaults = normalized(text);
    expect(defaults).toMatchObject({ calendar: 'cn-mainland', source: [], data: {} });
    expect(defaults.steps[0]).toMatchObject({ kind: 'wait', clock: 'working', for: { days: 2 } });
    expect(defaults.profiles['fast']).toEqual({
      sla: {},
      caseSla: {
        within: { text: '1d', negative: false, days: 1, millis: 0 },
        clock: 'working',
        starts: 'activated',
      },
    });
  });

  it('deep-freezes the flow', () => {
    expect(Object.isFrozen(flow)).toBe(true);
    expect(Object.isFrozen(flow.steps[0])).toBe(true);
    expect(Object.isFrozen(flow.data['category']?.values)).toBe(true);
  });

  it('produces plain data that survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
  });
});
