/** CEL bindings of a case, and evaluation that turns expression failures into values the engine can record. */
import type { ExpressionBindings } from '../expressions';
import { evaluateCondition, evaluateExpression } from '../expressions';
import { parseInstant } from '../time';
import type { CaseState } from './case-state';

/** `case` and `steps` as the flow's expressions see them; `result` inside `rework`. */
export function bindingsOf(state: CaseState, result?: unknown): ExpressionBindings {
  const steps: ExpressionBindings['steps'] = {};
  for (const step of Object.values(state.steps)) {
    steps[step.id] = { status: step.status, ...(isRecord(step.result) ? { result: step.result } : {}) };
  }
  return {
    case: {
      id: state.input.caseId,
      region: state.input.region,
      priority: state.priority,
      emergencyLevel: state.emergency.level,
      profile: state.input.profile ?? '',
      data: { ...state.data },
    },
    steps,
    ...(result !== undefined ? { result: isRecord(result) ? result : {} } : {}),
  };
}

/** A condition's value, or the error's message when it cannot be evaluated. */
export function tryCondition(
  source: string,
  bindings: ExpressionBindings,
): { ok: true; value: boolean } | { ok: false; error: string } {
  try {
    return { ok: true, value: evaluateCondition(source, bindings) };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** Evaluates a map of CEL expressions (a service call's input); the first failure wins. */
export function tryInputs(
  inputs: Readonly<Record<string, string>>,
  bindings: ExpressionBindings,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const value: Record<string, unknown> = {};
  try {
    for (const [name, source] of Object.entries(inputs)) value[name] = evaluateExpression(source, bindings);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** A `wait.until` expression's instant: a CEL timestamp, epoch ms, or an RFC 3339 string. */
export function tryInstant(
  source: string,
  bindings: ExpressionBindings,
): { ok: true; value: number } | { ok: false; error: string } {
  try {
    const value = evaluateExpression(source, bindings);
    if (value instanceof Date) return { ok: true, value: value.getTime() };
    if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
    if (typeof value === 'string') return { ok: true, value: parseInstant(value) };
    return { ok: false, error: `expression '${source}' did not return a timestamp` };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
