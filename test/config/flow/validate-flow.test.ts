import { validateFlowSource } from '../../../config/flow/validate-flow';
import type { FlowProblem } from '../../../config/flow/flow-problem';
import { ctx, exampleYaml } from './flow-fixtures';

/** A valid flow of 12 lines; tests append lines from line 13 on. */
const BASE = `id: t.flow
version: 1
title: { en: Test }
data:
  count: { type: integer }
steps:
  - id: verify
    stage: assessment
    kind: task
    assignee: { role: inspector, level: grid }
    form:
      confirmed: { type: boolean, required: true }
`;

function problemsOf(text: string, format: 'yaml' | 'json' = 'yaml'): FlowProblem[] {
  const result = validateFlowSource(text, format, ctx, 'flows/t.yaml');
  if (result.valid) throw new Error('expected the flow to be invalid');
  return result.problems;
}

function expectProblem(text: string, problem: Omit<FlowProblem, 'file'>): void {
  expect(problemsOf(text)).toContainEqual({ file: 'flows/t.yaml', ...problem });
}

describe('validateFlowSource', () => {
  it('accepts the complete example of the contract', () => {
    const result = validateFlowSource(exampleYaml, 'yaml', ctx);
    expect(result).toMatchObject({ valid: true, flow: { id: 'urban.exposed-garbage', version: 1 } });
  });

  it('accepts the base flow of these tests', () => {
    expect(validateFlowSource(BASE, 'yaml', ctx).valid).toBe(true);
  });

  describe('shape', () => {
    it('reports an unknown key at the key', () => {
      expectProblem(`${BASE}titel: x\n`, {
        path: 'titel',
        line: 13,
        column: 1,
        message: "unknown key 'titel'",
      });
    });

    it('reports a missing required key at its parent', () => {
      const text = `${BASE}  - id: file\n    stage: assessment\n    kind: task\n`;
      expectProblem(text, {
        path: 'steps[1].assignee',
        line: 13,
        column: 5,
        message: "missing required key 'assignee'",
      });
    });

    it('reports an unknown step kind', () => {
      const text = `${BASE}  - id: file\n    stage: assessment\n    kind: tsk\n`;
      expectProblem(text, {
        path: 'steps[1].kind',
        line: 15,
        column: 11,
        message: 'unknown kind "tsk" (expected task, service, notify or wait)',
      });
    });

    it('reports a bad value of the closest assignee form', () => {
      const text = BASE.replace('level: grid', 'level: town');
      expectProblem(text, {
        path: 'steps[0].assignee.level',
        line: 10,
        column: 41,
        message: 'expected one of "grid"|"community"|"street"|"district"|"city", got "town"',
      });
    });

    it('reports a YAML syntax error with its position', () => {
      const [problem] = problemsOf(`${BASE}  - id: [unclosed\n`);
      expect(problem).toMatchObject({ path: '', line: expect.any(Number), column: expect.any(Number) });
    });

    it('reports every problem at once, shape and meaning', () => {
      const text = `${BASE}  - id: file\n    stage: assessment\n    kind: task\n  - id: close\n    stage: review\n    kind: notify\n    after: [fil]\n    message: { en: Done }\n`;
      expect(problemsOf(text).map((p) => p.message)).toEqual([
        "missing required key 'assignee'",
        "step 'close' waits for unknown step 'fil'",
      ]);
    });
  });

  describe('step graph', () => {
    it('reports a step waiting for an unknown step', () => {
      const text = `${BASE}  - id: file\n    stage: assessment\n    kind: notify\n    after: [verfy]\n    message: { en: Filed }\n`;
      expectProblem(text, {
        path: 'steps[1].after[0]',
        line: 16,
        column: 13,
        message: "step 'file' waits for unknown step 'verfy'",
      });
    });

    it('reports a duplicate step id, emergency steps included', () => {
      const text = `${BASE}emergency:\n  steps:\n    - id: verify\n      kind: notify\n      message: { en: Alarm }\n`;
      expectProblem(text, {
        path: 'emergency.steps[0].id',
        line: 15,
        column: 11,
        message: "duplicate step id 'verify' (first used at steps[0])",
      });
    });

    it('reports a cycle in after and the steps it blocks', () => {
      const text = `${BASE}  - id: a\n    stage: action\n    kind: wait\n    for: 1h\n    after: [b]\n  - id: b\n    stage: action\n    kind: wait\n    for: 1h\n    after: [a]\n  - id: c\n    stage: review\n    kind: wait\n    for: 1h\n    after: [b]\n`;
      const problems = problemsOf(text);
      expect(problems).toContainEqual({
        file: 'flows/t.yaml',
        path: 'steps[2].after[0]',
        line: 22,
        column: 13,
        message: 'steps wait for each other in a cycle: a → b → a',
      });
      expect(problems).toContainEqual({
        file: 'flows/t.yaml',
        path: 'steps[3].after',
        line: 27,
        column: 12,
        message: "step 'c' is unreachable: it waits (through after) for 'b', which is on a cycle",
      });
    });

    it('reports a main step waiting for an emergency step as unreachable in normal runs', () => {
      const text = `${BASE}  - id: file\n    stage: assessment\n    kind: notify\n    after: [alarm]\n    message: { en: Filed }\nemergency:\n  steps:\n    - id: alarm\n      kind: notify\n      message: { en: Alarm }\n`;
      expectProblem(text, {
        path: 'steps[1].after[0]',
        line: 16,
        column: 13,
        message: "step 'file' waits for emergency step 'alarm', which runs only during an emergency",
      });
    });

    it('reports a rework that does not go to a preceding step', () => {
      const text = `${BASE}  - id: other\n    stage: action\n    kind: wait\n    for: 1h\n  - id: check\n    stage: supervision\n    kind: task\n    after: [verify]\n    assignee: { role: inspector, level: grid }\n    form: { fixed: { type: boolean } }\n    rework: { when: "!result.fixed", goto: other, max: 2 }\n`;
      expectProblem(text, {
        path: 'steps[2].rework.goto',
        line: 23,
        column: 44,
        message:
          "rework of step 'check' goes to 'other', which does not precede it (it must be reached through after)",
      });
    });

    it('reports review.reworkOnUnsatisfied naming an unknown step', () => {
      const text = `${BASE}review:\n  feedback: { within: 3d, clock: calendar }\n  reworkOnUnsatisfied: handel\n`;
      expectProblem(text, {
        path: 'review.reworkOnUnsatisfied',
        line: 15,
        column: 24,
        message: "review.reworkOnUnsatisfied names unknown step 'handel'",
      });
    });

    it('reports a profile naming an unknown step', () => {
      const text = `${BASE}profiles:\n  shenzhen-2020:\n    sla:\n      verfy: { within: 0.5d, clock: working }\n`;
      expectProblem(text, {
        path: 'profiles.shenzhen-2020.sla.verfy',
        line: 16,
        column: 7,
        message: "profile 'shenzhen-2020' sets the sla of unknown step 'verfy'",
      });
    });
  });

  describe('directory and calendars', () => {
    it('reports a role no department holds', () => {
      expectProblem(BASE.replace('role: inspector', 'role: inspektor'), {
        path: 'steps[0].assignee.role',
        line: 10,
        column: 23,
        message: "step 'verify': no department in the directory holds role 'inspektor'",
      });
    });

    it('reports an unknown department in an escalation rung', () => {
      const text = `${BASE}    sla: { within: 1h }\n    escalation:\n      - { at: 0, do: escalate, to: { department: nowhere } }\n`;
      expectProblem(text, {
        path: 'steps[0].escalation[0].to.department',
        line: 15,
        column: 50,
        message: "step 'verify': unknown department 'nowhere'",
      });
    });

    it('reports a service step calling an unknown system', () => {
      const text = `${BASE}  - id: dispatch\n    stage: mobilization\n    kind: service\n    call: { system: city-dispatch, operation: create }\n`;
      expectProblem(text, {
        path: 'steps[1].call.system',
        line: 16,
        column: 21,
        message: "step 'dispatch' calls unknown system 'city-dispatch'",
      });
    });

    it('reports an unknown calendar', () => {
      expectProblem(`calendar: cn-mainlnd\n${BASE}`, {
        path: 'calendar',
        line: 1,
        column: 11,
        message: "unknown calendar 'cn-mainlnd' (known: always-open, cn-mainland)",
      });
    });
  });

  describe('expressions', () => {
    const withWhen = (when: string) =>
      `${BASE}  - id: file\n    stage: assessment\n    kind: notify\n    after: [verify]\n    when: "${when}"\n    message: { en: Filed }\n`;

    it('reports an expression that does not parse', () => {
      const [problem] = problemsOf(withWhen('case.data.count >'));
      expect(problem).toMatchObject({
        path: 'steps[1].when',
        line: 17,
        message: "step 'file' when: does not parse: Unexpected token: EOF",
      });
    });

    it('reports an unknown data field at its column inside the string', () => {
      expectProblem(withWhen('case.data.cont > 3'), {
        path: 'steps[1].when',
        line: 17,
        column: 22,
        message: "step 'file' when: unknown data field 'cont' (case.data.cont is not declared in data)",
      });
    });

    it('reports an unknown step', () => {
      expectProblem(withWhen('steps.verfy.status == \\"completed\\"'), {
        path: 'steps[1].when',
        line: 17,
        column: 18,
        message: "step 'file' when: unknown step 'verfy'",
      });
    });

    it("reports a result field missing from the step's form", () => {
      expectProblem(withWhen('steps.verify.result.confrmed'), {
        path: 'steps[1].when',
        line: 17,
        column: 32,
        message: "step 'file' when: step 'verify' has no form field 'confrmed'",
      });
    });

    it('reports a rework condition naming a field missing from the form', () => {
      const text = `${BASE}    rework: { when: "!result.confirmd", goto: verify, max: 1 }\n`;
      const problems = problemsOf(text);
      expect(problems).toContainEqual({
        file: 'flows/t.yaml',
        path: 'steps[0].rework.when',
        line: 13,
        column: 30,
        message: "step 'verify' rework.when: the form has no field 'confirmd'",
      });
    });

    it('reports an unknown name in an emergency trigger', () => {
      const text = `${BASE}emergency:\n  triggers:\n    - { when: "injuries", level: 4 }\n`;
      expectProblem(text, {
        path: 'emergency.triggers[0].when',
        line: 15,
        column: 16,
        message: "emergency trigger 1: unknown name 'injuries' (use case, steps or result)",
      });
    });
  });

  describe('values', () => {
    it('reports an invalid duration', () => {
      expectProblem(`${BASE}    sla: { within: 4 hours }\n`, {
        path: 'steps[0].sla.within',
        line: 13,
        column: 20,
        message: expect.stringContaining("Invalid duration '4 hours'") as unknown as string,
      });
    });

    it('reports an enum without values', () => {
      expectProblem(BASE.replace('count: { type: integer }', 'count: { type: enum }'), {
        path: 'data.count.type',
        line: 5,
        column: 18,
        message: "enum field 'count' needs values",
      });
    });

    it('accepts titles for the values of an enum, and keeps them out of the flow the engine runs', () => {
      const text = BASE.replace(
        'count: { type: integer }',
        'source: { type: enum, values: [citizen, hotline], valueTitles: { citizen: { zh: 群众, en: Citizen } } }',
      );
      const result = validateFlowSource(text, 'yaml', ctx);
      expect(result).toMatchObject({ valid: true });
      expect(result.valid ? result.flow.data : undefined).toEqual({
        source: { type: 'enum', required: false, values: ['citizen', 'hotline'] },
      });
    });

    it('reports value titles of a value the enum lacks, and value titles off an enum', () => {
      const text = BASE.replace(
        'count: { type: integer }',
        'source: { type: enum, values: [citizen], valueTitles: { robot: { zh: 机器人 } } }\n  note: { type: string, valueTitles: { a: { zh: 甲 } } }',
      );
      expect(problemsOf(text)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'data.source.valueTitles.robot',
            message: "'robot' is not a value of 'source'",
          }),
          expect.objectContaining({
            path: 'data.note.valueTitles',
            message: "field 'note' has valueTitles but is not an enum",
          }),
        ]),
      );
    });

    it('accepts a claim limit with claim rungs, and rework onExceeded: decide', () => {
      const text = `${BASE}    sla: { within: 4h, starts: claimed, claimWithin: 1h }\n    claimEscalation:\n      - { at: 0, do: urge }\n      - { at: 2h, do: escalate, to: { role: inspector, level: grid } }\n  - id: check\n    stage: supervision\n    kind: task\n    after: [verify]\n    assignee: { role: inspector, level: grid }\n    form: { ok: { type: boolean } }\n    rework: { when: '!result.ok', goto: verify, max: 2, onExceeded: decide }\n`;
      const result = validateFlowSource(text, 'yaml', ctx);
      expect(result).toMatchObject({ valid: true });
      const steps = result.valid ? result.flow.steps : [];
      expect(steps).toMatchObject([
        { sla: { claimWithin: { text: '1h' } }, claimEscalation: [{ do: 'urge' }, { do: 'escalate' }] },
        { rework: { onExceeded: 'decide' } },
      ]);
    });

    it('reports claim rungs without a claim limit, and a claim limit off a task', () => {
      const text = `${BASE}    sla: { within: 4h }\n    claimEscalation:\n      - { at: 0, do: urge }\nsla: { within: 2d, claimWithin: 1h }\n`;
      const problems = problemsOf(text);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'steps[0].claimEscalation',
            message:
              "step 'verify' has claimEscalation rungs but no sla.claimWithin (they are timed from the claim limit)",
          }),
          expect.objectContaining({
            path: 'sla.claimWithin',
            message: 'claimWithin applies to task steps only (a limit for claiming them)',
          }),
        ]),
      );
    });

    it('reports an unknown onExceeded and a claim limit of zero', () => {
      const zero = problemsOf(`${BASE}    sla: { within: 4h, claimWithin: 0 }\n`);
      expect(zero.map((problem) => problem.path)).toEqual(['steps[0].sla.claimWithin']);
      const unknown = `${BASE}    rework: { when: '!result.confirmed', goto: verify, max: 2, onExceeded: wait }\n`;
      expect(problemsOf(unknown).map((problem) => problem.path)).toContain('steps[0].rework.onExceeded');
    });

    it('reports escalation rungs out of order, escalate without to, emergency without level', () => {
      const text = `${BASE}    sla: { within: 4h }\n    escalation:\n      - { at: 1d, do: escalate }\n      - { at: -30m, do: remind }\n      - { at: 2d, do: emergency }\n`;
      const problems = problemsOf(text);
      expect(problems).toEqual(
        expect.arrayContaining([
          {
            file: 'flows/t.yaml',
            path: 'steps[0].escalation[0]',
            line: 15,
            column: 9,
            message: "escalation rung 1 of step 'verify' escalates without 'to'",
          },
          {
            file: 'flows/t.yaml',
            path: 'steps[0].escalation[1].at',
            line: 16,
            column: 15,
            message:
              "escalation rungs of step 'verify' must be in increasing 'at' order: '-30m' comes after '1d'",
          },
          {
            file: 'flows/t.yaml',
            path: 'steps[0].escalation[2]',
            line: 17,
            column: 9,
            message: "escalation rung 3 of step 'verify' opens an emergency without 'level'",
          },
        ]),
      );
    });

    it('reports a wait step with both for and until, and one with neither', () => {
      const text = `${BASE}  - id: pause\n    stage: action\n    kind: wait\n    for: 1d\n    until: "timestamp(\\"2026-01-01T00:00:00Z\\")"\n  - id: idle\n    stage: action\n    kind: wait\n`;
      const problems = problemsOf(text);
      expect(problems).toContainEqual({
        file: 'flows/t.yaml',
        path: 'steps[1].until',
        line: 17,
        column: 12,
        message: "wait step 'pause' needs exactly one of for and until (it has both)",
      });
      expect(problems).toContainEqual({
        file: 'flows/t.yaml',
        path: 'steps[2]',
        line: 18,
        column: 5,
        message: "wait step 'idle' needs exactly one of for and until (it has neither)",
      });
    });
  });

  it('locates problems in JSON input too', () => {
    const json = JSON.stringify(
      {
        id: 't.json',
        version: 1,
        title: { en: 'JSON' },
        steps: [{ id: 'a', stage: 'review', kind: 'notify', after: ['b'], message: { en: 'm' } }],
      },
      null,
      2,
    );
    expect(problemsOf(json, 'json')).toEqual([
      {
        file: 'flows/t.yaml',
        path: 'steps[0].after[0]',
        line: 13,
        column: 9,
        message: "step 'a' waits for unknown step 'b'",
      },
    ]);
  });
});
