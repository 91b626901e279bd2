import {
  checkExpression,
  evaluateCondition,
  evaluateExpression,
  type ExpressionBindings,
  type ExpressionScope,
} from '../../../workflows/engine/expressions';

const bindings = (
  data: Record<string, unknown>,
  extra: Partial<ExpressionBindings> = {},
): ExpressionBindings => ({
  case: { id: 'c1', region: '440305', priority: 'normal', emergencyLevel: 0, profile: 'default', data },
  steps: {
    verify: { status: 'completed', result: { confirmed: true, score: 7 } },
    file: { status: 'skipped' },
  },
  ...extra,
});

const scope: ExpressionScope = {
  dataFields: ['address', 'count', 'injuries'],
  steps: { verify: { resultFields: ['confirmed', 'score'] }, dispatch: {}, 'notify-reporter': {} },
};

describe('evaluateCondition', () => {
  it('compares an integer-valued JS number with an int literal', () => {
    expect(evaluateCondition('case.data.count > 3', bindings({ count: 4 }))).toBe(true);
    expect(evaluateCondition('case.data.count > 3', bindings({ count: 3 }))).toBe(false);
  });

  it('does int arithmetic on integer-valued numbers and compares doubles with ints', () => {
    expect(evaluateCondition('case.data.count + 1 == 5', bindings({ count: 4 }))).toBe(true);
    expect(evaluateCondition('case.data.ratio > 1', bindings({ ratio: 1.5 }))).toBe(true);
    expect(evaluateCondition('case.data.count >= 3.5', bindings({ count: 4 }))).toBe(true);
  });

  it('reads step status and results, including ids with dashes', () => {
    expect(evaluateCondition('steps.verify.result.confirmed', bindings({}))).toBe(true);
    expect(evaluateCondition('steps.file.status == "skipped"', bindings({}))).toBe(true);
    const withDash = bindings({}, { steps: { 'notify-reporter': { status: 'completed' } } });
    expect(evaluateCondition('steps["notify-reporter"].status == "completed"', withDash)).toBe(true);
  });

  it('tests optional fields with has() and optional chaining', () => {
    expect(evaluateCondition('has(case.data.injuries)', bindings({}))).toBe(false);
    expect(
      evaluateCondition('has(case.data.injuries) && case.data.injuries', bindings({ injuries: true })),
    ).toBe(true);
    expect(evaluateCondition('case.data.?injuries.orValue(false)', bindings({}))).toBe(false);
  });

  it('throws ExpressionEvaluationError naming the expression when a field is missing', () => {
    expect(() => evaluateCondition('case.data.injuries == true', bindings({}))).toThrow(
      expect.objectContaining({
        name: 'ExpressionEvaluationError',
        message: expect.stringContaining(
          "expression 'case.data.injuries == true' failed: No such key: injuries",
        ),
      }),
    );
  });

  it('throws ExpressionTypeError when the result is not a boolean', () => {
    expect(() => evaluateCondition('case.data.count', bindings({ count: 2 }))).toThrow(
      expect.objectContaining({ name: 'ExpressionTypeError', message: expect.stringContaining('got int') }),
    );
  });

  it('throws ExpressionSyntaxError when the source does not parse', () => {
    expect(() => evaluateCondition('case.data.count >', bindings({}))).toThrow(
      expect.objectContaining({ name: 'ExpressionSyntaxError' }),
    );
  });

  it('sees result only when it is bound', () => {
    expect(evaluateCondition('!result.fixed', bindings({}, { result: { fixed: false } }))).toBe(true);
  });
});

describe('evaluateExpression', () => {
  it('converts CEL ints back to JS numbers, recursively', () => {
    const value = evaluateExpression(
      '{"n": case.data.count * 2, "list": [1, 2], "s": case.data.address}',
      bindings({
        count: 21,
        address: 'Nanshan',
      }),
    );
    expect(value).toEqual({ n: 42, list: [1, 2], s: 'Nanshan' });
    expect(JSON.stringify(value)).toBe('{"n":42,"list":[1,2],"s":"Nanshan"}');
  });

  it('returns strings and doubles unchanged', () => {
    expect(evaluateExpression('case.data.address', bindings({ address: '深南大道 1 号' }))).toBe(
      '深南大道 1 号',
    );
    expect(evaluateExpression('case.data.x / 2.0', bindings({ x: 3.5 }))).toBe(1.75);
  });

  it('returns the same result when the cached parse is reused', () => {
    const first = evaluateExpression('case.data.count + 1', bindings({ count: 1 }));
    const second = evaluateExpression('case.data.count + 1', bindings({ count: 2 }));
    expect([first, second]).toEqual([2, 3]);
  });
});

describe('checkExpression', () => {
  it('accepts known names, macros with bound variables and has()', () => {
    expect(checkExpression('steps.verify.result.confirmed && has(case.data.count)', scope)).toEqual([]);
    expect(checkExpression('[1, 2].exists(x, x > case.data.count)', scope)).toEqual([]);
    expect(checkExpression('steps["notify-reporter"].status == "completed"', scope)).toEqual([]);
    expect(checkExpression('steps.dispatch.result.anything == 1', scope)).toEqual([]);
    expect(checkExpression('case.priority == "urgent" && case.emergencyLevel > 0', scope)).toEqual([]);
  });

  it('reports a parse error with its position', () => {
    const [problem] = checkExpression('case.data.count >', scope);
    expect(problem).toMatchObject({ code: 'syntax', message: expect.stringContaining('does not parse') });
  });

  it('reports unknown data fields, steps, form fields and names', () => {
    const messages = (source: string, s: ExpressionScope = scope) =>
      checkExpression(source, s).map((p) => p.message);
    expect(messages('case.data.adress == ""')).toEqual([
      "unknown data field 'adress' (case.data.adress is not declared in data)",
    ]);
    expect(messages('steps.verfy.status == "completed"')).toEqual(["unknown step 'verfy'"]);
    expect(messages('steps.verify.result.confrmed')).toEqual(["step 'verify' has no form field 'confrmed'"]);
    expect(messages('foo > 1')).toEqual(["unknown name 'foo' (use case, steps or result)"]);
    expect(messages('result.fixed')).toEqual(["'result' is only available inside rework"]);
    expect(messages('!result.fxed', { ...scope, resultFields: ['fixed'] })).toEqual([
      "the form has no field 'fxed'",
    ]);
  });

  it('reports the offsets of an unknown name', () => {
    const [problem] = checkExpression('true && case.data.nope', scope);
    expect(problem).toMatchObject({ start: 18, end: 22 });
  });

  it('reports unknown functions through the type checker', () => {
    const [problem] = checkExpression('now() > 1', scope);
    expect(problem).toMatchObject({ code: 'type', message: expect.stringContaining('now()') });
  });
});
