/** Per-case metrics for the view: on-time rounds (按期), overdue steps, rounds, exceptions, satisfaction. */
import { caseResolvedOnTime, clockNow } from './case-clock';
import type { CaseState } from './case-state';
import { isClaimOverdue } from './claim-limits';
import { stepSla } from './deadlines';
import { behaves } from './engine-revision';
import { allSteps } from './flow-graph';
import { isOverdue } from './step-view';

/** One step's record over all its rounds. */
export interface StepMetrics {
  readonly rounds: number;
  readonly onTime: number;
  readonly late: number;
  readonly parked: boolean;
}

/**
 * The case's metrics; counts of rounds exclude parked rounds and rounds without a deadline, and include the rounds
 * of steps a migration retired (under `steps` too, unless the current flow reuses their id).
 */
export interface CaseMetrics {
  /** Resolved (main steps done) by the whole-case deadline; absent while open or without a whole-case SLA. */
  readonly onTime?: boolean;
  readonly overdueSteps: number;
  readonly roundsOnTime: number;
  readonly roundsLate: number;
  readonly returns: number;
  readonly reworks: number;
  readonly redos: number;
  readonly extensions: number;
  readonly urges: number;
  readonly escalations: number;
  readonly satisfaction?: string;
  readonly resolved?: boolean;
  /** Cases with claim limits (签收时限): claim limits that passed unclaimed, ever. */
  readonly claimsOverdue?: number;
  /** Cases with claim limits: steps unclaimed past their claim limit now. */
  readonly claimOverdueSteps?: number;
  readonly steps: Readonly<Record<string, StepMetrics>>;
}

/** The metrics of the case at `now`. */
export function caseMetrics(state: CaseState, now: number): CaseMetrics {
  const steps: Record<string, StepMetrics> = {};
  let onTimeRounds = 0;
  let lateRounds = 0;
  // Retired first: a current step that reuses a retired id takes its place under `steps`.
  const retired = (state.retiredSteps ?? []).map((entry) => entry.state);
  for (const step of [...retired, ...Object.values(state.steps)]) {
    const finished = step.history.filter((round) => round.outcome === 'completed');
    const onTime = finished.filter((round) => round.onTime === true).length;
    const late = finished.filter((round) => round.onTime === false).length;
    onTimeRounds += onTime;
    lateRounds += late;
    steps[step.id] = { rounds: step.round, onTime, late, parked: step.parked };
  }
  const count = (type: string): number => state.timeline.filter((event) => event.type === type).length;
  const lastFeedback = state.review?.feedback.at(-1);
  const closedOnTime = caseResolvedOnTime(state);
  return {
    ...(closedOnTime !== undefined ? { onTime: closedOnTime } : {}),
    overdueSteps: Object.values(state.steps).filter(
      (step) =>
        (step.status === 'active' || step.status === 'claimed') && isOverdue(step, clockNow(state, now)),
    ).length,
    roundsOnTime: onTimeRounds,
    roundsLate: lateRounds,
    returns: count('step-returned'),
    reworks: count('rework-started'),
    redos: count('redo-started'),
    extensions: count('extension-approved'),
    urges: count('urged'),
    escalations: count('escalated') + count('rework-limit-reached'),
    ...(lastFeedback !== undefined
      ? { satisfaction: lastFeedback.satisfaction, resolved: lastFeedback.resolved }
      : {}),
    ...(hasClaimLimits(state)
      ? {
          claimsOverdue: count('claim-overdue'),
          claimOverdueSteps: Object.values(state.steps).filter((step) =>
            isClaimOverdue(step, clockNow(state, now)),
          ).length,
        }
      : {}),
    steps,
  };
}

/** Whether any task of the case has a claim limit (its sla or its profile's sets `claimWithin`). */
function hasClaimLimits(state: CaseState): boolean {
  if (!behaves(state, 'claimLimits')) return false;
  return allSteps(state.input.flow).some((step) => stepSla(state, step)?.claimWithin !== undefined);
}
