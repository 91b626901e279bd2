/**
 * Activities of a batch migration: list the running cases of a flow version through Temporal visibility, and
 * migrate (or, in a dry run, plan) one case through its `migrate` Update (or `migrationPlan` Query). A case's own
 * answer (migrated, refused with its reasons, no longer on the version, closed) is an outcome; only a failure to
 * reach Temporal is thrown, for the retry policy.
 */
import { Context } from '@temporalio/activity';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { FieldError } from '../workflows/engine/case/case-errors';
import type { CaseMigrationOutcome, SelectedCase } from '../workflows/engine/migration/batch-migration';
import {
  CASE_ACTION_UPDATES,
  caseWorkflowId,
  migrationPlanQuery,
  type ActionPayload,
} from '../workflows/messages';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../workflows/search-attributes';

/** The running cases to select: of a flow version, on the case worker's task queue, optionally in a region. */
export interface CaseSelection {
  readonly flowId: string;
  readonly fromVersion: number;
  readonly region?: string;
  readonly taskQueue: string;
}

/** One case to migrate (or plan), with the Update id that makes a retry apply once. */
export interface CaseMigrationCall {
  readonly caseId: string;
  readonly payload: ActionPayload<'migrate'>;
  readonly updateId: string;
  readonly dryRun: boolean;
}

export interface MigrationActivityDependencies {
  /** The client to reach cases with; defaults to the worker's own (the activity context's). */
  readonly client?: () => Client;
}

export interface MigrationActivities {
  selectCasesToMigrate(selection: CaseSelection): Promise<SelectedCase[]>;
  migrateOneCase(call: CaseMigrationCall): Promise<CaseMigrationOutcome>;
}

const PLAIN = /^[\p{L}\p{N}._:-]{1,128}$/u;

/** `value`, checked to be a plain code, so that it cannot change a visibility query's shape. */
export function plainCode(value: string): string {
  if (!PLAIN.test(value))
    throw ApplicationFailure.nonRetryable(`'${value}' is not a plain code`, 'BadSelection');
  return value;
}

/** The clauses every batch's selection starts with: running cases on the case worker's task queue. */
export function runningCasesOn(taskQueue: string): string[] {
  return [
    `WorkflowType = 'caseWorkflow'`,
    `ExecutionStatus = 'Running'`,
    `TaskQueue = '${plainCode(taskQueue)}'`,
  ];
}

/** The visibility query of a selection; values are checked to be plain codes, so none can change its shape. */
export function selectionQuery(selection: CaseSelection): string {
  const { flowId, fromVersion, region, taskQueue } = selection;
  if (!Number.isSafeInteger(fromVersion)) {
    throw ApplicationFailure.nonRetryable(`'${fromVersion}' is not a version`, 'BadSelection');
  }
  return [
    ...runningCasesOn(taskQueue),
    `${SA.flowId.name} = '${plainCode(flowId)}'`,
    // Cases started before FcFlowVersion existed get it at their next transition: take them too, the Update
    // checks the version each case is on.
    `(${SA.flowVersion.name} = ${fromVersion} OR ${SA.flowVersion.name} IS NULL)`,
    ...(region === undefined ? [] : [`${SA.regionPath.name} = '${plainCode(region)}'`]),
  ].join(' AND ');
}

/** The cases a visibility query lists, with their regions, in case id order. */
export async function listCases(client: Client, query: string): Promise<SelectedCase[]> {
  const selected: SelectedCase[] = [];
  for await (const execution of client.workflow.list({ query })) {
    const region = execution.typedSearchAttributes.get(SA.region);
    if (region === undefined) continue;
    selected.push({ caseId: execution.workflowId.replace(/^case-/, ''), region });
  }
  return selected.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/**
 * Calls a case for a batch and answers its outcome: the call's, `skipped` when the case is no longer running, or
 * what `onFailure` makes of the ApplicationFailure the case answered with. Anything else (Temporal unreachable)
 * is thrown, for the activity's retry policy.
 */
export async function callCase<O>(
  caseId: string,
  call: () => Promise<O>,
  onFailure: (failure: ApplicationFailure) => O,
): Promise<O | { readonly caseId: string; readonly outcome: 'skipped'; readonly reason: string }> {
  try {
    return await untilCancelled(call());
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      return { caseId, outcome: 'skipped', reason: 'the case is no longer running' };
    }
    const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (!(failure instanceof ApplicationFailure)) throw error;
    return onFailure(failure);
  }
}

/** The activities over the injected (or the worker's) client. */
export function createMigrationActivities(deps: MigrationActivityDependencies = {}): MigrationActivities {
  const clientOf = deps.client ?? (() => Context.current().client);
  return {
    selectCasesToMigrate: (selection) => listCases(clientOf(), selectionQuery(selection)),

    migrateOneCase({ caseId, payload, updateId, dryRun }) {
      const handle = clientOf().workflow.getHandle(caseWorkflowId(caseId));
      return callCase<CaseMigrationOutcome>(
        caseId,
        async () => {
          if (dryRun) {
            const plan = await handle.query(migrationPlanQuery, payload);
            return plan.accepted ? { caseId, outcome: 'planned' } : refusal(caseId, plan.errors);
          }
          await handle.executeUpdate(CASE_ACTION_UPDATES.migrate, { args: [payload], updateId });
          return { caseId, outcome: 'migrated' };
        },
        (failure) => {
          if (failure.type === 'MigrationRefusedError')
            return refusal(caseId, errorsIn(failure.details?.[0]));
          if (failure.type === 'CaseClosedError')
            return { caseId, outcome: 'skipped', reason: failure.message };
          return { caseId, outcome: 'failed', reason: `${failure.type ?? 'Error'}: ${failure.message}` };
        },
      );
    },
  };
}

/**
 * The call, or the activity's cancellation (CancelledFailure) if it comes first. A worker that shuts down cancels
 * its activities, but the case's Update can only complete on a worker: without this, an activity waiting for it
 * would hold the shutdown until its timeout. The retry sends the same update id, which the case applies once.
 */
export function untilCancelled<T>(call: Promise<T>): Promise<T> {
  call.catch(() => undefined); // an abandoned call must not surface as an unhandled rejection
  return Promise.race([call, Context.current().cancelled]);
}

/** A refused plan; refused only because the case is on another version, it is skipped (it was not selected). */
function refusal(caseId: string, errors: readonly FieldError[]): CaseMigrationOutcome {
  const version = errors.length === 1 && errors[0]?.path === 'fromVersion' ? errors[0] : undefined;
  if (version !== undefined) return { caseId, outcome: 'skipped', reason: version.message };
  return { caseId, outcome: 'refused', errors };
}

function errorsIn(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}
