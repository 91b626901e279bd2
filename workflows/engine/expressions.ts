/**
 * CEL expressions of the flow language (docs/flow-language.md, "Expressions (CEL)"), evaluated inside
 * workflows: no Node built-ins, no clock, no randomness. Parsed expressions are cached by source text.
 */
import { parseCached } from './expression-environment';
import { ExpressionEvaluationError, ExpressionSyntaxError, ExpressionTypeError } from './expression-errors';
import { describeType, fromCelValue, toCelValue } from './expression-values';
import type { ParseResult } from '@marcbachmann/cel-js';

export { checkExpression } from './expression-check';
export type { ExpressionProblem, ExpressionScope } from './expression-check';
export { ExpressionEvaluationError, ExpressionSyntaxError, ExpressionTypeError } from './expression-errors';

/** The names an expression sees: `case`, `steps` and, inside `rework`, `result`. */
export interface ExpressionBindings {
  case: {
    id: string;
    region: string;
    priority: 'normal' | 'urgent';
    emergencyLevel: number;
    profile: string;
    data: Record<string, unknown>;
  };
  steps: Record<string, { status: string; result?: Record<string, unknown> }>;
  result?: Record<string, unknown>;
}

/** Evaluates `source`; CEL ints come back as JS numbers, recursively, so the result serializes as JSON. */
export function evaluateExpression(source: string, bindings: ExpressionBindings): unknown {
  return fromCelValue(evaluateRaw(source, bindings));
}

/** Evaluates a condition; throws ExpressionTypeError when the result is not a boolean. */
export function evaluateCondition(source: string, bindings: ExpressionBindings): boolean {
  const value = evaluateRaw(source, bindings);
  if (typeof value !== 'boolean') throw new ExpressionTypeError(source, describeType(value));
  return value;
}

function evaluateRaw(source: string, bindings: ExpressionBindings): unknown {
  const parsed = parse(source);
  const context: Record<string, unknown> = {
    case: toCelValue(bindings.case),
    steps: toCelValue(bindings.steps),
  };
  if (bindings.result !== undefined) context['result'] = toCelValue(bindings.result);
  try {
    return parsed(context) as unknown;
  } catch (error) {
    throw new ExpressionEvaluationError(source, explain(error));
  }
}

function parse(source: string): ParseResult {
  try {
    return parseCached(source);
  } catch (error) {
    throw new ExpressionSyntaxError(source, summaryOf(error));
  }
}

function explain(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const text = summaryOf(error);
  if (code === 'no_such_key') return `${text} (the field is not set; test optional fields with has(...))`;
  return text;
}

function summaryOf(error: unknown): string {
  const e = error as { summary?: unknown; message?: unknown };
  return String(e.summary ?? e.message ?? error);
}
