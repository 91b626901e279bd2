/** The search attribute values of a case, from the engine's summary: no personal data, codes and times only. */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseSummary } from './engine/case/case-summary';
import type { CaseState } from './engine/case/case-state';
import { CASE_SEARCH_ATTRIBUTES as SA } from './search-attributes';

/**
 * Every case search attribute with its current value (null removes a value that no longer applies); the flow
 * version only `withFlowVersion` (the shell decides it behind a patch, since cases started without it).
 */
export function searchAttributeUpdates(
  summary: CaseSummary,
  state: CaseState,
  withFlowVersion: boolean,
): SearchAttributeUpdatePair[] {
  const departments = new Set<string>();
  const steps = [
    ...Object.values(state.steps),
    ...(state.retiredSteps ?? []).map((retired) => retired.state),
  ];
  for (const step of steps) if (step.assignee) departments.add(step.assignee.department);
  return [
    { key: SA.flowId, value: summary.flowId },
    { key: SA.stage, value: summary.stage },
    { key: SA.status, value: summary.status },
    { key: SA.region, value: summary.region },
    { key: SA.priority, value: state.priority },
    { key: SA.regionPath, value: [...state.input.regionPath] },
    { key: SA.waitingOn, value: [...summary.waitingOn] },
    { key: SA.departments, value: [...departments].sort() },
    { key: SA.nextDueAt, value: summary.nextDueAt === undefined ? null : new Date(summary.nextDueAt) },
    { key: SA.lastProgressAt, value: new Date(summary.lastProgressAt) },
    { key: SA.overdue, value: summary.overdue },
    { key: SA.incident, value: summary.incident },
    { key: SA.emergencyLevel, value: summary.emergencyLevel },
    ...(withFlowVersion ? [{ key: SA.flowVersion, value: state.input.flow.version }] : []),
  ];
}

/** A value as compared with the one upserted before: instants by epoch ms, lists by their items in order. */
function comparable(value: SearchAttributeUpdatePair['value']): unknown {
  if (value instanceof Date) return value.getTime();
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

/**
 * The pairs of `updates` whose value differs from the last one recorded in `upserted` (by key name), recording
 * theirs: what an upsert must carry when every key it leaves out keeps its value.
 */
export function changedSearchAttributes(
  updates: readonly SearchAttributeUpdatePair[],
  upserted: Map<string, unknown>,
): SearchAttributeUpdatePair[] {
  return updates.filter(({ key, value }) => {
    const now = comparable(value);
    if (upserted.has(key.name) && upserted.get(key.name) === now) return false;
    upserted.set(key.name, now);
    return true;
  });
}
