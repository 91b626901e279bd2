/**
 * What the case ledger receives after transitions: the timeline events not yet sent, each with its stable
 * sequence number (its index in the timeline, which is never dropped), and a compact snapshot of the case from
 * raw state: epoch milliseconds and codes, no formatted text. Pure; the shell sends it (workflows/ledger-feed.ts).
 */
import type { Priority } from '../case-input';
import type { WorkingCalendar } from '../calendar-model';
import type { Clock, Level, StepKind, Stage } from '../flow-model';
import type { CaseState, CaseStatus, StepStatus, TimelineEvent } from './case-state';
import { caseResolvedOnTime } from './case-clock';
import { explanationZh } from './deadline-account';
import { allSteps, stageOf, stepTitle, stepTitleEn } from './flow-graph';
import { publicNoteOf } from './public-note';
import type { CaseStage } from './stage';
import { currentStage } from './stage';

/** One step as the ledger keeps it. */
export interface LedgerStep {
  readonly id: string;
  readonly title: string;
  /** The flow's English title, when it has one. */
  readonly titleEn?: string;
  readonly stage: Stage;
  readonly kind: StepKind;
  readonly status: StepStatus;
  readonly round: number;
  readonly department?: string;
  readonly role?: string;
  readonly level?: Level;
  readonly activatedAt?: number;
  readonly claimedAt?: number;
  readonly completedAt?: number;
  /** A completed task's public note (its `public` form fields): Open311's `status_notes`. Never personal data. */
  readonly publicNote?: string;
  readonly dueAt?: number;
  readonly dueExplanation?: string;
  /** `dueExplanation` in Chinese, when the deadline's facts are known (deadline-account.ts). */
  readonly dueExplanationZh?: string;
  readonly dueProvisional?: string;
  /** The clock `dueAt` runs on: working time on the case's calendar, or calendar (wall-clock) time. */
  readonly dueClock?: Clock;
  /** The last finished round met its deadline (absent without one, or parked). */
  readonly onTime?: boolean;
  readonly parked: boolean;
  readonly incident?: { readonly at: number; readonly error: string };
  readonly request?: {
    readonly kind: 'extension' | 'park';
    readonly at: number;
    readonly reason: string;
    readonly until?: number;
  };
  /** 签收时限: the round's limit for claiming, when its sla sets one. */
  readonly claimDueAt?: number;
  /** Since when a rework past its `max` waits for a supervisor's decision on this step. */
  readonly awaitingDecisionSince?: number;
}

/** The case as the ledger keeps it, as of event `seq`. */
export interface LedgerSnapshot {
  /** Sequence number of the newest event the snapshot reflects. */
  readonly seq: number;
  readonly caseId: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly profile?: string;
  readonly title?: string;
  readonly region: string;
  /** The region and its ancestors, from the region itself up to the city. */
  readonly regionPath: readonly string[];
  readonly timezone: string;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly priority: Priority;
  readonly emergencyLevel: number;
  readonly createdAt: number;
  readonly closedAt?: number;
  /** When the main steps last all finished (结案). */
  readonly resolvedAt?: number;
  readonly suspendedAt?: number;
  readonly lastProgressAt: number;
  /** Whole-case deadline. */
  readonly dueAt?: number;
  readonly dueExplanation?: string;
  readonly dueExplanationZh?: string;
  readonly dueProvisional?: string;
  /** Closed by the whole-case deadline; absent while open or without one. */
  readonly onTime?: boolean;
  readonly review?: {
    readonly status: string;
    readonly windowClosesAt: number;
    readonly feedbackCount: number;
  };
  readonly satisfaction?: string;
  readonly resolved?: boolean;
  /** The flow's case data (no step results; of the notes only the public ones, on their steps). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly steps: readonly LedgerStep[];
  /**
   * The case's pinned calendar: in the first write of each run (and whenever the case pins another), so that the
   * inbox counts remaining working time on it, and in every write once the case is resolved, so that handling time
   * is measured on it. The ledger keeps the last one sent.
   */
  readonly calendar?: WorkingCalendar;
}

/** A timeline event with its sequence number. */
export interface LedgerEvent extends TimelineEvent {
  readonly seq: number;
}

/** What one ledger write carries. */
export interface LedgerBatch {
  readonly caseId: string;
  readonly events: readonly LedgerEvent[];
  readonly snapshot: LedgerSnapshot;
}

/**
 * The events from `from` on and the snapshot of the case as of its newest event; `withCalendar` adds the pinned
 * calendar (the whole case from its start carries it; a resolved case always does).
 */
export function ledgerBatch(state: CaseState, from: number, withCalendar = from === 0): LedgerBatch {
  const events = state.timeline.slice(from).map((event, index) => ({ ...event, seq: from + index }));
  return { caseId: state.input.caseId, events, snapshot: ledgerSnapshot(state, withCalendar) };
}

/** The snapshot of the case as of its newest timeline event (with its calendar: see LedgerSnapshot.calendar). */
export function ledgerSnapshot(state: CaseState, withCalendar = false): LedgerSnapshot {
  const { input } = state;
  const lastFeedback = state.review?.feedback.at(-1);
  const onTime = caseResolvedOnTime(state);
  const finished = state.status === 'closed' || state.status === 'cancelled';
  return {
    seq: state.timeline.length - 1,
    caseId: input.caseId,
    flowId: input.flow.id,
    flowVersion: input.flow.version,
    ...optional('profile', input.profile),
    ...optional('title', input.title),
    region: input.region,
    regionPath: input.regionPath,
    timezone: input.calendar.timezone,
    status: state.status,
    stage: currentStage(state),
    priority: state.priority,
    emergencyLevel: state.emergency.level,
    createdAt: state.createdAt,
    ...optional('closedAt', state.closedAt),
    ...optional('resolvedAt', state.resolvedAt),
    ...optional('suspendedAt', state.suspendedAt),
    lastProgressAt: state.lastProgressAt,
    ...optional('dueAt', state.caseDeadline?.at),
    ...optional('dueExplanation', state.caseDeadline?.explanation),
    ...optional('dueExplanationZh', explanationZh(state.caseDeadline, input.calendar)),
    ...optional('dueProvisional', state.caseDeadline?.provisional),
    ...optional('onTime', onTime),
    ...(state.review === undefined
      ? {}
      : {
          review: {
            status: state.review.status,
            windowClosesAt: state.review.window.at,
            feedbackCount: state.review.feedback.length,
          },
        }),
    ...optional('satisfaction', lastFeedback?.satisfaction),
    ...optional('resolved', lastFeedback?.resolved),
    data: state.data,
    steps: ledgerSteps(state),
    ...(withCalendar || finished || state.resolvedAt !== undefined ? { calendar: input.calendar } : {}),
  };
}

function ledgerSteps(state: CaseState): LedgerStep[] {
  const flow = state.input.flow;
  return allSteps(flow).flatMap((step): LedgerStep[] => {
    const current = state.steps[step.id];
    if (current === undefined) return [];
    const last = current.history.at(-1);
    return [
      {
        id: step.id,
        title: stepTitle(step),
        ...optional('titleEn', stepTitleEn(step)),
        stage: stageOf(flow, step),
        kind: step.kind,
        status: current.status,
        round: current.round,
        ...optional('department', current.assignee?.department),
        ...optional('role', current.assignee?.role),
        ...optional('level', current.assignee?.level),
        ...optional('activatedAt', current.activatedAt),
        ...optional('claimedAt', current.claimedAt),
        ...optional('completedAt', current.completedAt),
        ...optional(
          'publicNote',
          current.status === 'completed' ? publicNoteOf(step, current.result) : undefined,
        ),
        ...optional('dueAt', current.deadline?.at),
        ...optional('dueExplanation', current.deadline?.explanation),
        ...optional('dueExplanationZh', explanationZh(current.deadline, state.input.calendar)),
        ...optional('dueProvisional', current.deadline?.provisional),
        ...optional('dueClock', current.deadline?.clock),
        ...optional('onTime', current.status === 'completed' ? last?.onTime : undefined),
        parked: current.parked,
        ...optional('claimDueAt', current.claimDeadline?.at),
        ...optional('awaitingDecisionSince', current.reworkDecision?.requestedAt),
        ...(current.incident === undefined ? {} : { incident: current.incident }),
        ...(current.request === undefined
          ? {}
          : {
              request: {
                kind: current.request.kind,
                at: current.request.requestedAt,
                reason: current.request.reason,
                ...optional('until', current.request.until),
              },
            }),
      },
    ];
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
