/** The case in a few fields, for Temporal search attributes (the inbox, `stalled`, `summary`). */
import { clockNow, isCaseOverdue } from './case-clock';
import type { CaseState, CaseStatus } from './case-state';
import type { CaseStage } from './stage';
import { currentStage } from './stage';
import { isOverdue } from './step-view';

/** Search-attribute values of a case; instants in epoch ms. */
export interface CaseSummary {
  readonly flowId: string;
  readonly stage: CaseStage;
  readonly status: CaseStatus;
  readonly region: string;
  /** Departments holding a step in an active round, sorted. */
  readonly waitingOn: readonly string[];
  /** The soonest deadline among running steps (and the whole case while open). */
  readonly nextDueAt?: number;
  /** A running step, or the whole case, is past its deadline. */
  readonly overdue: boolean;
  readonly lastProgressAt: number;
  readonly emergencyLevel: number;
  /** A step cannot proceed until a supervisor retries or reassigns it. */
  readonly incident: boolean;
}

/** The summary of the case at `now`. */
export function caseSummary(state: CaseState, now: number): CaseSummary {
  const running = Object.values(state.steps).filter((s) => s.status === 'active' || s.status === 'claimed');
  const open = state.status === 'open' || state.status === 'suspended';
  const waitingOn = new Set<string>();
  for (const step of running) if (step.assignee !== undefined) waitingOn.add(step.assignee.department);
  const deadlines = running
    .filter((s) => !s.parked && s.deadline !== undefined)
    .map((s) => s.deadline?.at ?? 0);
  if (open && state.caseDeadline !== undefined && state.review?.status !== 'open') {
    deadlines.push(state.caseDeadline.at);
  }
  const nextDueAt = deadlines.length > 0 ? Math.min(...deadlines) : undefined;
  const caseOverdue = isCaseOverdue(state, now);
  return {
    flowId: state.input.flow.id,
    stage: currentStage(state),
    status: state.status,
    region: state.input.region,
    waitingOn: [...waitingOn].sort(),
    ...(open && nextDueAt !== undefined ? { nextDueAt } : {}),
    overdue: open && (caseOverdue || running.some((step) => isOverdue(step, clockNow(state, now)))),
    lastProgressAt: state.lastProgressAt,
    emergencyLevel: state.emergency.level,
    incident: open && running.some((step) => step.incident !== undefined),
  };
}
