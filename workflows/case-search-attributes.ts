/** The search attribute values of a case, from the engine's summary: no personal data, codes and times only. */
import type {
  SearchAttributePair,
  SearchAttributeUpdatePair,
  TypedSearchAttributes,
} from '@temporalio/common';
import { caseSummary } from './engine/case';
import type { CaseSummary } from './engine/case/case-summary';
import type { CaseState } from './engine/case/case-state';
import { CASE_SEARCH_ATTRIBUTES as SA, PER_TRANSITION_SEARCH_ATTRIBUTE_KEYS } from './search-attributes';

/**
 * What a case is started with (the API's start request sets them, so visibility lists a case from its start): its
 * stable search attributes as its first workflow task would upsert them, from the engine's start of the case
 * (`startCase` at the instant the case is started with: the first stage, status, overdue, incident and emergency
 * level besides what the input pins). A case of engine revision 5 or later leaves out of its first upsert every key
 * it was started with at its value, so a case started with these upserts nothing in its first workflow task (one
 * upsert fewer per case); were a value different when the workflow starts the case (another engine), its first
 * upsert corrects it.
 */
export function startSearchAttributes(started: CaseState, now: number): SearchAttributePair[] {
  return stableSearchAttributeUpdates(caseSummary(started, now), started).filter(isSet);
}

/** Whether a pair sets a value (a start request cannot remove one). */
function isSet(pair: SearchAttributeUpdatePair): pair is SearchAttributePair {
  return pair.value !== null;
}

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

const PER_TRANSITION = new Set(PER_TRANSITION_SEARCH_ATTRIBUTE_KEYS.map((key) => key.name));

/**
 * From engine revision 5: the keys that identify the case and its coarse position, with the values
 * `searchAttributeUpdates` gives them (the flow version included); not the keys that move on every transition.
 */
export function stableSearchAttributeUpdates(
  summary: CaseSummary,
  state: CaseState,
): SearchAttributeUpdatePair[] {
  return searchAttributeUpdates(summary, state, true).filter(({ key }) => !PER_TRANSITION.has(key.name));
}

/** A value as compared with the one upserted before: instants by epoch ms, lists by their items in order. */
function comparable(value: SearchAttributeUpdatePair['value']): unknown {
  if (value instanceof Date) return value.getTime();
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

/**
 * What `changedSearchAttributes` compares with at a run's start: the values of `updates`' keys the run was started
 * with (from its first history event, so replay reads the same).
 */
export function startedWith(
  started: TypedSearchAttributes,
  updates: readonly SearchAttributeUpdatePair[],
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const { key } of updates) {
    const value = started.get(key);
    if (value !== undefined) values.set(key.name, comparable(value));
  }
  return values;
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
