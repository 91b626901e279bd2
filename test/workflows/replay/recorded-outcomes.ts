/**
 * The outcomes a history recorded (each Update's answer, the workflow's result) and their comparison with what
 * the replayed code answered. Compared is what expresses behaviour, not wording: per step its status, round,
 * deadline (as an instant), overdue, department, incident, park and request; per case its status, stage,
 * emergency level, overdue, deadline and review; for a migration its plan's decisions and deadlines, for a
 * calendar revision each deadline's decision and instants. A display improvement (titles, explanations, formatting of
 * instants) passes; a rule that moves a step to another round or status fails.
 */
import { isDeepStrictEqual } from 'node:util';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { CaseView } from '../../../workflows/engine/case';
import type { CalendarRevisionReport } from '../../../workflows/engine/calendar-revision/calendar-revision-model';
import type { MigrationPlan } from '../../../workflows/engine/migration';
import type { DigestedAnswer } from '../../../workflows/messages';
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

/** What a migration's plan says it did: per step its decision and deadline; the case deadline; the errors. */
export function migrationBehaviour(plan: MigrationPlan): unknown {
  return {
    accepted: plan.accepted,
    applied: plan.applied,
    fromVersion: plan.fromVersion,
    toVersion: plan.toVersion,
    steps: plan.steps.map((step) => ({
      from: step.from ?? null,
      to: step.to ?? null,
      status: step.status,
      decision: step.decision,
      deadline: step.deadline ?? null,
      dueAt: instant(step.dueAt),
    })),
    caseDeadline: plan.caseDeadline
      ? { decision: plan.caseDeadline.decision, dueAt: instant(plan.caseDeadline.dueAt) }
      : null,
    errors: plan.errors.map((error) => error.path),
  };
}

/** What a calendar revision did: the revisions and each deadline's decision and instants. */
export function revisionBehaviour(report: CalendarRevisionReport): unknown {
  return {
    fromRevision: report.fromRevision,
    toRevision: report.toRevision,
    effectiveFrom: report.effectiveFrom,
    deadlines: Object.fromEntries(
      report.deadlines.map(({ of, decision, from, to }) => [of, { decision, from, to }]),
    ),
  };
}

/**
 * An Update's answer, by its kind: the `migrate` Update answers a migration plan, `reviseCalendar` a revision
 * report, every other action the case view.
 */
type UpdateAnswer = CaseView | MigrationPlan | CalendarRevisionReport;
const isRevisionReport = (value: UpdateAnswer): value is CalendarRevisionReport =>
  'toRevision' in value && 'deadlines' in value;
const isMigrationPlan = (value: UpdateAnswer): value is MigrationPlan =>
  'toVersion' in value && 'applied' in value;

/** An action's answer with its request's digest (engine revision 8): the digest is behaviour too. */
const isDigested = (
  value: UpdateAnswer | DigestedAnswer<UpdateAnswer>,
): value is DigestedAnswer<UpdateAnswer> => 'requestDigest' in value && 'answer' in value;

function answerBehaviour(value: UpdateAnswer | DigestedAnswer<UpdateAnswer>): unknown {
  if (isDigested(value)) return { requestDigest: value.requestDigest, answer: answerBehaviour(value.answer) };
  if (isRevisionReport(value)) return revisionBehaviour(value);
  if (isMigrationPlan(value)) return migrationBehaviour(value);
  return caseBehaviour(value);
}

/** A batch's result (flowMigrationWorkflow, calendarPublicationWorkflow): its progress, at the end. */
interface BatchResult {
  readonly status: string;
  readonly selected: number;
  readonly done: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly cases: readonly { readonly caseId: string; readonly outcome: string; readonly moved?: number }[];
}
type WorkflowResult = CaseView | BatchResult;

/** What a workflow ended with: a case's behaviour, or a batch's status, counts and each case's outcome. */
function resultBehaviour(result: WorkflowResult | undefined): unknown {
  if (result === undefined) return null;
  if (!('counts' in result)) return caseBehaviour(result);
  const { status, selected, done, counts, cases } = result;
  return {
    status,
    selected,
    done,
    counts,
    cases: cases.map(({ caseId, outcome, moved }) => ({ caseId, outcome, moved: moved ?? null })),
  };
}

const behaviourOf = (outcome: UpdateOutcome): unknown =>
  outcome.ok
    ? answerBehaviour(outcome.value as UpdateAnswer | DigestedAnswer<UpdateAnswer>)
    : { failure: outcome.failure };

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
        resultBehaviour(recorded.result as WorkflowResult),
        resultBehaviour(replayed.result as WorkflowResult | undefined),
        'result',
      ),
    );
  }
  return problems;
}
