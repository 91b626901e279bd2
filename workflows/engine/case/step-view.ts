/** One step as the API shows it (docs/api.md, "The case view"). */
import type { ResolvedAssignee } from '../case-input';
import type { Step, StepKind, Stage } from '../flow-model';
import { formatInstant } from '../time';
import { clockNow } from './case-clock';
import type { CaseState, StepState, StepStatus } from './case-state';
import { isClaimOverdue } from './claim-limits';
import { explanationZh } from './deadline-account';
import { stageOf, stepTitle, stepTitleEn } from './flow-graph';

/**
 * The contract's StepView; `titleEn`, the Chinese explanations, `incident`, `request`, `parked`, `onTime`, the
 * claim limit and a pending rework decision are additions.
 */
export interface StepView {
  readonly id: string;
  /** The flow's Chinese title (its English one, or the step id, when it has none). */
  readonly title: string;
  /** The flow's English title, when it has one: what the English UI shows. */
  readonly titleEn?: string;
  readonly stage: Stage;
  readonly kind: StepKind;
  readonly status: StepStatus;
  readonly assignee?: ResolvedAssignee;
  readonly activatedAt?: string;
  readonly claimedAt?: string;
  readonly completedAt?: string;
  readonly dueAt?: string;
  readonly dueExplanation?: string;
  /** `dueExplanation` in Chinese; absent for a deadline set before session 11 (show `dueExplanation`). */
  readonly dueExplanationZh?: string;
  /** Why `dueAt` may still move: a year it is counted through has no published arrangement yet. */
  readonly dueProvisional?: string;
  readonly overdue: boolean;
  readonly round: number;
  readonly result?: unknown;
  /** A service call (or wait) that cannot proceed until a supervisor retries it. */
  readonly incident?: { readonly at: string; readonly error: string };
  /** A pending extension or park request. */
  readonly request?: {
    readonly kind: 'extension' | 'park';
    readonly reason: string;
    readonly until?: string;
  };
  /** 挂账: approved park. */
  readonly parked?: boolean;
  /** For a completed round with a deadline (not parked): whether it was met. */
  readonly onTime?: boolean;
  /** 签收时限: the limit for claiming this round (tasks whose sla sets `claimWithin`). */
  readonly claimDueAt?: string;
  readonly claimDueExplanation?: string;
  /** `claimDueExplanation` in Chinese, when known. */
  readonly claimDueExplanationZh?: string;
  /** Unclaimed past its claim limit; present with `claimDueAt`. */
  readonly claimOverdue?: boolean;
  /** Completed, but past its rework's `max`: waiting for a supervisor's decision (`onExceeded: decide`). */
  readonly reworkDecision?: { readonly since: string; readonly reworks: number };
  /** A step a migration dropped after it had run: the flow version it belonged to (kept for the record). */
  readonly retiredFromVersion?: number;
}

/** Whether the step's current round is past its deadline (a completed round: finished late); parked never is. */
export function isOverdue(current: StepState, now: number): boolean {
  if (current.parked || current.deadline === undefined) return false;
  if (current.status === 'active' || current.status === 'claimed') return now > current.deadline.at;
  if (current.status === 'completed') return (current.completedAt ?? 0) > current.deadline.at;
  return false;
}

/** The view of one step at `now`, instants in the calendar's zone. */
export function stepView(state: CaseState, step: Step, current: StepState, now: number): StepView {
  const calendar = state.input.calendar;
  const zone = calendar.timezone;
  const at = (ms: number | undefined): string | undefined =>
    ms === undefined ? undefined : formatInstant(ms, zone);
  const onTime = current.status === 'completed' ? current.history.at(-1)?.onTime : undefined;
  const fields: Record<string, unknown> = {
    assignee: current.assignee,
    activatedAt: at(current.activatedAt),
    claimedAt: at(current.claimedAt),
    completedAt: at(current.completedAt),
    dueAt: at(current.deadline?.at),
    dueExplanation: current.deadline?.explanation,
    dueExplanationZh: explanationZh(current.deadline, calendar),
    dueProvisional: current.deadline?.provisional,
    result: current.result,
    incident: current.incident && { at: at(current.incident.at), error: current.incident.error },
    request: current.request && {
      kind: current.request.kind,
      reason: current.request.reason,
      ...(current.request.until !== undefined ? { until: at(current.request.until) } : {}),
    },
    parked: current.parked || undefined,
    onTime,
    claimDueAt: at(current.claimDeadline?.at),
    claimDueExplanation: current.claimDeadline?.explanation,
    claimDueExplanationZh: explanationZh(current.claimDeadline, calendar),
    claimOverdue:
      current.claimDeadline === undefined ? undefined : isClaimOverdue(current, clockNow(state, now)),
    reworkDecision: current.reworkDecision && {
      since: at(current.reworkDecision.requestedAt),
      reworks: current.reworkDecision.reworks,
    },
  };
  return {
    id: step.id,
    title: stepTitle(step),
    ...definedOnly({ titleEn: stepTitleEn(step) }),
    stage: stageOf(state.input.flow, step),
    kind: step.kind,
    status: current.status,
    overdue: isOverdue(current, clockNow(state, now)),
    round: current.round,
    ...definedOnly(fields),
  };
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
