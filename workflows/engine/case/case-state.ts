/**
 * The state of one case as the engine keeps it: plain JSON-serializable data, never mutated (every transition
 * returns new objects), carried across continue-as-new by the Temporal shell. Instants are epoch milliseconds.
 */
import type { Actor, CaseInput, Priority, ResolvedAssignee } from '../case-input';
import type { Clock } from '../flow-model';
import type { MigrationRecord, RetiredStep } from '../migration/migration-model';
import type { DeadlineAccount } from './deadline-account';

export type CaseStatus = 'open' | 'suspended' | 'closed' | 'cancelled';

export type StepStatus =
  | 'pending'
  | 'active'
  | 'claimed'
  | 'completed'
  | 'skipped'
  | 'returned'
  | 'cancelled';

/** A computed deadline with the words that explain it. */
export interface Deadline {
  readonly at: number;
  readonly clock: Clock;
  readonly explanation: string;
  /** Why the deadline may still move (a year counted through has no published arrangement); absent: final. */
  readonly provisional?: string;
  /** The facts the explanation words, for other languages; absent on deadlines set before session 11. */
  readonly account?: DeadlineAccount;
}

/** An escalation rung of the current round: when it fires, and whether it has. */
export interface RungState {
  readonly at: number;
  readonly fired: boolean;
}

/** A request (extension or park) waiting for a supervisor. */
export interface PendingRequest {
  readonly kind: 'extension' | 'park';
  readonly requestedAt: number;
  readonly requestedBy: Actor;
  readonly reason: string;
  /** Extension only: the deadline asked for. */
  readonly until?: number;
}

/** A rework past its `max` waiting for a supervisor's decision (`onExceeded: decide`). */
export interface PendingReworkDecision {
  readonly requestedAt: number;
  /** Reworks done so far (the flow's `max`, or more once a supervisor allowed extra rounds). */
  readonly reworks: number;
}

/** A service step that cannot complete (a non-retryable failure, or input that does not evaluate). */
export interface Incident {
  readonly at: number;
  readonly error: string;
}

/** How one finished round of a step went, for metrics. */
export interface RoundRecord {
  readonly round: number;
  readonly outcome: 'completed' | 'returned' | 'reworked' | 'redone' | 'cancelled' | 'skipped';
  readonly at: number;
  /** Whether it finished by its deadline; absent without a deadline or when parked. */
  readonly onTime?: boolean;
}

export interface StepState {
  readonly id: string;
  readonly status: StepStatus;
  /** Activations so far: 0 before the first. */
  readonly round: number;
  readonly assignee?: ResolvedAssignee;
  readonly activatedAt?: number;
  readonly claimedAt?: number;
  readonly completedAt?: number;
  readonly result?: unknown;
  readonly deadline?: Deadline;
  /** Index-aligned with the task's `escalation`; empty without a deadline. */
  readonly rungs: readonly RungState[];
  /** Wait steps: when the timer fires. */
  readonly waitUntil?: number;
  readonly request?: PendingRequest;
  /** 挂账: approved park; the step is excluded from on-time metrics and its rungs stop. */
  readonly parked: boolean;
  readonly incident?: Incident;
  /** Rework rounds started by this step's `rework` rule. */
  readonly reworks: number;
  /** The limit for claiming (签收时限) of the current round, when the step's sla sets `claimWithin`. */
  readonly claimDeadline?: Deadline;
  /** Index-aligned with the task's `claimEscalation`; they fire only while the step is unclaimed. */
  readonly claimRungs?: readonly RungState[];
  /** The claim limit passed while unclaimed (recorded once per claim limit). */
  readonly claimLapsed?: boolean;
  /** Completed, but past the rework's `max`: the flow waits here until a supervisor decides. */
  readonly reworkDecision?: PendingReworkDecision;
  readonly history: readonly RoundRecord[];
}

export interface EmergencyState {
  /** 0 when none is open, else 1 (most severe) to 4. */
  readonly level: 0 | 1 | 2 | 3 | 4;
  readonly openedAt?: number;
}

export interface Feedback {
  readonly at: number;
  readonly actor: Actor;
  readonly satisfaction: 'satisfied' | 'basically-satisfied' | 'unsatisfied';
  readonly resolved: boolean;
  readonly fault?: 'department' | 'other';
  readonly comment?: string;
}

export interface ReviewState {
  /** `redo`: a 重办 is running; the window opens again when the main steps are done. */
  readonly status: 'open' | 'redo' | 'done';
  readonly openedAt: number;
  readonly window: Deadline;
  readonly feedback: readonly Feedback[];
  /** 重办 rounds started from feedback. */
  readonly redos: number;
}

/** One timeline event; `at` in epoch ms, rendered as RFC 3339 by the timeline view. */
export interface TimelineEvent {
  readonly at: number;
  readonly type: string;
  readonly stepId?: string;
  readonly actor: Actor;
  readonly detail: string;
  /** The step's round, on events about one round of a step. */
  readonly round?: number;
  /** The department the step is (now) assigned to, on activation, claim and 改派. */
  readonly department?: string;
  /** The step's deadline as set or moved by this event (activation, claim, approved extension). */
  readonly deadlineAt?: number;
}

export interface CaseState {
  readonly input: CaseInput;
  /**
   * The engine revision the case started with (engine-revision.ts): which behaviour changes apply to it, for its
   * whole life, continue-as-new included. Absent in states recorded before revisions existed: revision 0.
   */
  readonly engineRevision?: number;
  readonly status: CaseStatus;
  readonly createdAt: number;
  readonly closedAt?: number;
  /** When the main steps last all finished (结案 before review): what the whole-case SLA is measured against. */
  readonly resolvedAt?: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly priority: Priority;
  readonly emergency: EmergencyState;
  /** Main and emergency steps by id. */
  readonly steps: Readonly<Record<string, StepState>>;
  /** Whole-case deadline, when the flow (or profile) has an `sla`. */
  readonly caseDeadline?: Deadline;
  readonly caseOverdueNotified: boolean;
  readonly review?: ReviewState;
  readonly suspendedAt?: number;
  readonly lastProgressAt: number;
  readonly timeline: readonly TimelineEvent[];
  /** Steps migrations dropped after they had run, kept for the record (absent until a migration retires one). */
  readonly retiredSteps?: readonly RetiredStep[];
  /** Closed as unresolved by a supervisor's decision after too many reworks. */
  readonly unresolved?: true;
  /** Migrations to other flow versions, oldest first (absent until the first). */
  readonly migrations?: readonly MigrationRecord[];
}

/** Whether the case has ended (closed or cancelled): nothing more happens to it. */
export function isFinished(state: CaseState): boolean {
  return state.status === 'closed' || state.status === 'cancelled';
}

/** The actor the engine records for what it does by itself (timers, conditions, calls). */
export const ENGINE_ACTOR: Actor = { sub: 'fullcycle-engine', role: 'system' };

/** A step's state before its first round. */
export function unstartedStep(id: string): StepState {
  return { id, status: 'pending', round: 0, rungs: [], parked: false, reworks: 0, history: [] };
}
