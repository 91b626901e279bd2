/**
 * Migrating a running case to another version of its flow (docs/migration.md): what is asked, what the engine
 * answers (the plan, every decision explained), and what the case keeps of it. Plain JSON-serializable data.
 */
import type { Actor, CaseInput } from '../case-input';
import type { FieldError } from '../case/case-errors';
import type { StepState, StepStatus } from '../case/case-state';
import type { Step } from '../flow-model';

/**
 * The version a case moves onto and what it needs pinned there, resolved by the API for the case's region as at
 * start: the flow, its calendar, and the directory entries the target's assignees and service steps name.
 */
export type MigrationTarget = Pick<CaseInput, 'flow' | 'calendar' | 'assignees' | 'departments' | 'systems'>;

/** A migration asked of one case (the engine's `migrate` action without its type and actor). */
export interface MigrationRequest {
  /** The version the case is expected to be on: the case may have moved since the request was planned. */
  readonly fromVersion: number;
  readonly target: MigrationTarget;
  /** `{ "<step id in the case's version>": "<step id in the target>" }`; unmapped steps keep their id. */
  readonly stepMapping: Readonly<Record<string, string>>;
  /** Values merged over the case data before it is checked against the target's fields; `null` removes one. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * What becomes of one step: `move` (running, onto a step of the same kind), `keep` (its state carried to the
 * target's step), `retire` (the target drops it; it had run, so it is kept for the record), `drop` (the target
 * drops it and it never ran), `add` (new in the target, runs when what it waits for is finished), `skip` (new in
 * the target but before where the case stands: not run), `refuse` (a running step that cannot move).
 */
export type StepDecision = 'move' | 'keep' | 'retire' | 'drop' | 'add' | 'skip' | 'refuse';

/** How a moved step's (or the case's) deadline comes out of the migration. */
export type DeadlineDecision = 'kept' | 'recomputed' | 'removed' | 'at-claim';

/** One step's line of the plan. */
export interface StepMigration {
  /** The step's id in the case's version; absent for a step new in the target. */
  readonly from?: string;
  /** The step's id in the target; absent for a step the target drops. */
  readonly to?: string;
  /** Its status before the migration (`new`: not in the case's version). */
  readonly status: StepStatus | 'new';
  readonly decision: StepDecision;
  /** For a running step with a clock. */
  readonly deadline?: DeadlineDecision;
  /** The deadline after the migration (RFC 3339, in the calendar's zone). */
  readonly dueAt?: string;
  readonly explanation: string;
}

/** The plan of a migration: every decision explained, and every reason it is refused. */
export interface MigrationPlan {
  readonly caseId: string;
  readonly flowId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** True when the case can move: `errors` is empty. */
  readonly accepted: boolean;
  /** True once applied; false for a dry run. */
  readonly applied: boolean;
  readonly steps: readonly StepMigration[];
  /** The whole-case deadline, when either version has one. */
  readonly caseDeadline?: {
    readonly decision: DeadlineDecision;
    readonly dueAt?: string;
    readonly explanation: string;
  };
  /** Assignees the target names that the case had not pinned, with the department each resolves to. */
  readonly newAssignees: readonly { readonly key: string; readonly department: string }[];
  /** Case-wide remarks: data merged, review window, engine revision kept. */
  readonly notes: readonly string[];
  /** Why the case cannot move, each located: `steps.<id>`, `stepMapping.<id>`, `data.<field>`, `profile`, … */
  readonly errors: readonly FieldError[];
  /** What the flow does at once on the target version (accepted plans): the timeline entries that follow. */
  readonly then?: readonly { readonly type: string; readonly stepId?: string; readonly detail: string }[];
}

/** A step a migration dropped after it had run: its definition and its last state, kept for the record. */
export interface RetiredStep {
  /** The flow version it last belonged to. */
  readonly version: number;
  readonly step: Step;
  readonly state: StepState;
}

/** A migration the case went through (the audit trail has its `case-migrated` event too). */
export interface MigrationRecord {
  readonly at: number;
  readonly actor: Actor;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly stepMapping: Readonly<Record<string, string>>;
  readonly plan: MigrationPlan;
}
