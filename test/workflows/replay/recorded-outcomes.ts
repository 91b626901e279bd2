/**
 * The outcomes a history recorded (each Update's answer, the workflow's result) and their comparison with what
 * the replayed code answered. Compared is what expresses behaviour, not wording: per step its status, round,
 * deadline (as an instant), overdue, department, incident, park and request; per case its status, stage,
 * emergency level, overdue, deadline and review. A display improvement (titles, explanations, formatting of
 * instants) passes; a rule that moves a step to another round or status fails.
 */
import { isDeepStrictEqual } from 'node:util';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { CaseView } from '../../../workflows/engine/case';
import type { UpdateOutcome } from './outcome-interceptor';

type History = temporal.api.history.v1.IHistory;
type Payload = temporal.api.common.v1.IPayload;

export interface CaseOutcomes {
  readonly updates: Map<string, UpdateOutcome>;
  /** The workflow's result; absent when the run continued as new. */
  result?: unknown;
}

const decode = (payload: Payload | null | undefined): unknown =>
  payload
    ? defaultPayloadConverter.fromPayload({
        metadata: payload.metadata ?? {},
        data: payload.data ?? undefined,
      })
    : undefined;

/** The Update outcomes (WorkflowExecutionUpdateCompleted) and the result (WorkflowExecutionCompleted) of a history. */
export function recordedOutcomes(history: History): CaseOutcomes {
  const outcomes: CaseOutcomes = { updates: new Map() };
  for (const event of history.events ?? []) {
    const update = event.workflowExecutionUpdateCompletedEventAttributes;
    const updateId = update?.meta?.updateId;
    if (update && updateId) {
      const failure = update.outcome?.failure;
      outcomes.updates.set(
        updateId,
        failure
          ? { ok: false, failure: failure.applicationFailureInfo?.type || failure.message || 'failure' }
          : { ok: true, value: decode(update.outcome?.success?.payloads?.[0]) },
      );
    }
    const completed = event.workflowExecutionCompletedEventAttributes;
    if (completed) outcomes.result = decode(completed.result?.payloads?.[0]);
  }
  return outcomes;
}

const instant = (text: string | undefined): number | null => (text === undefined ? null : Date.parse(text));

/** What a case view says about the case's behaviour, without its wording. */
export function caseBehaviour(view: CaseView): unknown {
  return {
    status: view.status,
    stage: view.stage,
    emergencyLevel: view.emergencyLevel,
    overdue: view.overdue,
    dueAt: instant(view.dueAt),
    review: view.review
      ? {
          status: view.review.status,
          windowClosesAt: instant(view.review.windowClosesAt),
          feedbackCount: view.review.feedbackCount,
        }
      : null,
    steps: Object.fromEntries(
      view.steps.map((step) => [
        step.id,
        {
          status: step.status,
          round: step.round,
          dueAt: instant(step.dueAt),
          overdue: step.overdue,
          department: step.assignee?.department ?? null,
          incident: step.incident !== undefined,
          parked: step.parked === true,
          request: step.request?.kind ?? null,
        },
      ]),
    ),
  };
}

const behaviourOf = (outcome: UpdateOutcome): unknown =>
  outcome.ok ? caseBehaviour(outcome.value as CaseView) : { failure: outcome.failure };

/** `path: recorded → replayed` for every leaf that differs. */
function differences(recorded: unknown, replayed: unknown, path: string): string[] {
  const bothObjects =
    typeof recorded === 'object' && recorded !== null && typeof replayed === 'object' && replayed !== null;
  if (!bothObjects) {
    return isDeepStrictEqual(recorded, replayed)
      ? []
      : [`${path}: ${JSON.stringify(recorded)} → ${JSON.stringify(replayed)}`];
  }
  const a = recorded as Record<string, unknown>;
  const b = replayed as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) =>
    differences(a[key], b[key], path ? `${path}.${key}` : key),
  );
}

/** Every way the replayed outcomes differ from the recorded ones; empty when the behaviour is the same. */
export function outcomeDifferences(recorded: CaseOutcomes, replayed: CaseOutcomes): string[] {
  const problems: string[] = [];
  for (const [updateId, outcome] of recorded.updates) {
    const again = replayed.updates.get(updateId);
    if (again === undefined) problems.push(`update ${updateId}: not answered on replay`);
    else problems.push(...differences(behaviourOf(outcome), behaviourOf(again), `update ${updateId}`));
  }
  for (const updateId of replayed.updates.keys()) {
    if (!recorded.updates.has(updateId))
      problems.push(`update ${updateId}: answered on replay, never recorded`);
  }
  if (recorded.result !== undefined) {
    problems.push(
      ...differences(
        caseBehaviour(recorded.result as CaseView),
        caseBehaviour(replayed.result as CaseView),
        'result',
      ),
    );
  }
  return problems;
}
