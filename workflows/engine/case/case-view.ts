/** The case view and timeline entries the API returns (docs/api.md, "The case view" and the timeline). */
import type { Actor, Priority } from '../case-input';
import type { Step } from '../flow-model';
import { formatInstant } from '../time';
import { isCaseOverdue } from './case-clock';
import type { CaseState, CaseStatus, StepState } from './case-state';
import { explanationZh } from './deadline-account';
import { allSteps } from './flow-graph';
import type { CaseMetrics } from './metrics';
import { caseMetrics } from './metrics';
import type { CaseStage } from './stage';
import { currentStage } from './stage';
import type { StepView } from './step-view';
import { stepView } from './step-view';

export type { StepView } from './step-view';

/** The contract's case view; `dueExplanation` (and in Chinese), `overdue`, `suspendedAt` and `review` are additions. */
export interface CaseView {
  readonly caseId: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly profile?: string;
  readonly title?: string;
  readonly region: string;
  readonly priority: Priority;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly emergencyLevel: number;
  readonly createdAt: string;
  readonly closedAt?: string;
  /** Whole-case deadline. */
  readonly dueAt?: string;
  readonly dueExplanation?: string;
  /** `dueExplanation` in Chinese; absent for a deadline set before session 11 (show `dueExplanation`). */
  readonly dueExplanationZh?: string;
  /** Why `dueAt` may still move: a year it is counted through has no published arrangement yet. */
  readonly dueProvisional?: string;
  /** Past the whole-case deadline while open (in review: resolved after it). */
  readonly overdue: boolean;
  readonly suspendedAt?: string;
  /** Closed as unresolved by a supervisor's decision after too many reworks. */
  readonly unresolved?: true;
  readonly data: Readonly<Record<string, unknown>>;
  readonly steps: readonly StepView[];
  readonly review?: {
    readonly status: string;
    readonly windowClosesAt: string;
    readonly feedbackCount: number;
  };
  readonly metrics?: CaseMetrics;
}

/** One timeline entry: what happened, when (RFC 3339), to which step, by whom. */
export interface TimelineEntry {
  readonly at: string;
  readonly type: string;
  readonly stepId?: string;
  readonly actor?: Actor;
  readonly detail: string;
}

/** A step the view shows, with its state (and, for a step a migration retired, the version it belonged to). */
export interface ViewedStep {
  readonly step: Step;
  readonly current: StepState;
  readonly retiredFromVersion?: number;
}

/** The steps the view shows, in its order: main steps in flow order, then emergency steps, then retired steps. */
export function viewedSteps(state: CaseState): ViewedStep[] {
  const shown: ViewedStep[] = allSteps(state.input.flow).flatMap((step) => {
    const current = state.steps[step.id];
    return current === undefined ? [] : [{ step, current }];
  });
  for (const retired of state.retiredSteps ?? []) {
    shown.push({ step: retired.step, current: retired.state, retiredFromVersion: retired.version });
  }
  return shown;
}

/** The case view at `now`: main steps in flow order, then emergency steps, then steps migrations retired. */
export function caseView(state: CaseState, now: number): CaseView {
  const { input } = state;
  const zone = input.calendar.timezone;
  const steps = viewedSteps(state).map(({ step, current, retiredFromVersion }) =>
    retiredFromVersion === undefined
      ? stepView(state, step, current, now)
      : { ...stepView(state, step, current, now), retiredFromVersion },
  );
  return {
    caseId: input.caseId,
    flowId: input.flow.id,
    flowVersion: input.flow.version,
    ...(input.profile !== undefined ? { profile: input.profile } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    region: input.region,
    priority: state.priority,
    status: state.status,
    stage: currentStage(state),
    emergencyLevel: state.emergency.level,
    createdAt: formatInstant(state.createdAt, zone),
    ...(state.closedAt !== undefined ? { closedAt: formatInstant(state.closedAt, zone) } : {}),
    ...(state.caseDeadline !== undefined
      ? {
          dueAt: formatInstant(state.caseDeadline.at, zone),
          dueExplanation: state.caseDeadline.explanation,
          ...definedZh(explanationZh(state.caseDeadline, input.calendar)),
          ...(state.caseDeadline.provisional !== undefined
            ? { dueProvisional: state.caseDeadline.provisional }
            : {}),
        }
      : {}),
    overdue: isCaseOverdue(state, now),
    ...(state.suspendedAt !== undefined ? { suspendedAt: formatInstant(state.suspendedAt, zone) } : {}),
    ...(state.unresolved === true ? { unresolved: true as const } : {}),
    data: state.data,
    steps,
    ...(state.review !== undefined
      ? {
          review: {
            status: state.review.status,
            windowClosesAt: formatInstant(state.review.window.at, zone),
            feedbackCount: state.review.feedback.length,
          },
        }
      : {}),
    metrics: caseMetrics(state, now),
  };
}

function definedZh(text: string | undefined): { dueExplanationZh?: string } {
  return text === undefined ? {} : { dueExplanationZh: text };
}

/** Everything that happened, oldest first, each with who did it (the engine itself as a `system` actor). */
export function caseTimeline(state: CaseState): TimelineEntry[] {
  const zone = state.input.calendar.timezone;
  return state.timeline.map((event) => ({
    at: formatInstant(event.at, zone),
    type: event.type,
    ...(event.stepId !== undefined ? { stepId: event.stepId } : {}),
    actor: event.actor,
    detail: event.detail,
  }));
}
