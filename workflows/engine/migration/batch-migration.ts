/**
 * A batch migration (docs/migration.md, "Every case of a version"): every running case of one flow version (and
 * region) moved onto another version, one Update per case, each case's outcome recorded. The request pins what
 * each case needs (the target, its calendar, the directory to resolve new assignees for the case's region), as a
 * case pins its input at start. Pure: the flow migration workflow runs it.
 */
import type { WorkingCalendar } from '../calendar-model';
import type { Actor } from '../case-input';
import type { FieldError } from '../case/case-errors';
import type { Directory } from '../directory-model';
import type { Flow } from '../flow-model';
import { batchStatus, countOutcomes, type SelectedCase } from '../batch/case-batch';
import { migrationTarget } from './migration-target';

export type { SelectedCase } from '../batch/case-batch';
import type { MigrationRequest } from './migration-model';

export interface BatchMigrationRequest {
  readonly migrationId: string;
  readonly flowId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** Only cases in this region or under it. */
  readonly region?: string;
  readonly stepMapping: Readonly<Record<string, string>>;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Plan each case (a Query) without migrating any. */
  readonly dryRun: boolean;
  readonly actor: Actor;
  /** Epoch ms. */
  readonly requestedAt: number;
  /** The target version and its calendar. */
  readonly flow: Flow;
  readonly calendar: WorkingCalendar;
  /** What each case's new assignees are resolved from, for its region. */
  readonly directory: Directory;
}

/**
 * What became of one case: `migrated` (or `planned`, in a dry run), `refused` with the plan's located reasons,
 * `skipped` (no longer on the version, or no longer running), `failed` (the case could not be reached).
 */
export type CaseMigrationOutcome =
  | { readonly caseId: string; readonly outcome: 'migrated' | 'planned' }
  | { readonly caseId: string; readonly outcome: 'refused'; readonly errors: readonly FieldError[] }
  | { readonly caseId: string; readonly outcome: 'skipped' | 'failed'; readonly reason: string };

export type OutcomeKind = CaseMigrationOutcome['outcome'];

/** A batch's progress, as its Query and `GET /v1/flows/{flowId}/migrations/{migrationId}` answer it. */
export interface BatchMigrationProgress {
  readonly migrationId: string;
  readonly flowId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly region?: string;
  readonly dryRun: boolean;
  /** `selecting` the cases, `migrating` them, `completed`. */
  readonly status: 'selecting' | 'migrating' | 'completed';
  readonly requestedBy: string;
  /** RFC 3339 (UTC). */
  readonly requestedAt: string;
  /** Cases selected (0 while selecting). */
  readonly selected: number;
  /** Cases with an outcome. */
  readonly done: number;
  readonly counts: Readonly<Record<OutcomeKind, number>>;
  /** Each case's outcome, in the order the cases were migrated. */
  readonly cases: readonly CaseMigrationOutcome[];
}

/** The progress of `request` with `selected` cases (undefined while selecting) and the outcomes so far. */
export function batchProgress(
  request: BatchMigrationRequest,
  selected: readonly SelectedCase[] | undefined,
  outcomes: readonly CaseMigrationOutcome[],
): BatchMigrationProgress {
  const counts = countOutcomes(outcomes, ['migrated', 'planned', 'refused', 'skipped', 'failed']);
  const status = batchStatus(selected, outcomes.length, 'migrating');
  return {
    migrationId: request.migrationId,
    flowId: request.flowId,
    fromVersion: request.fromVersion,
    toVersion: request.toVersion,
    ...(request.region !== undefined ? { region: request.region } : {}),
    dryRun: request.dryRun,
    status,
    requestedBy: request.actor.sub,
    requestedAt: new Date(request.requestedAt).toISOString(),
    selected: selected?.length ?? 0,
    done: outcomes.length,
    counts,
    cases: outcomes,
  };
}

/**
 * The migration request for one selected case: the target resolved for its region. A region the directory cannot
 * resolve the target's assignees in is the case's refusal, at `region`.
 */
export function caseMigrationRequest(
  request: BatchMigrationRequest,
  selected: SelectedCase,
): MigrationRequest | { readonly refused: FieldError } {
  try {
    return {
      fromVersion: request.fromVersion,
      target: migrationTarget(request.directory, request.flow, request.calendar, selected.region),
      stepMapping: request.stepMapping,
      ...(request.data !== undefined ? { data: request.data } : {}),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { refused: { path: 'region', message } };
  }
}
