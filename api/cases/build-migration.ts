/**
 * Turns migration requests into what the engine migrates with: for one case, the target version from the flow
 * catalogue, its calendar, and the directory entries its assignees need in the case's region, resolved as at
 * start; for a batch, the target, its calendar and the directory, each case being resolved for its own region.
 */
import type { Actor } from '../../workflows/engine/case-input';
import type { FieldError } from '../../workflows/engine/case/case-errors';
import type { CaseView } from '../../workflows/engine/case/case-view';
import {
  MigrationRefusedError,
  migrationTarget,
  pairSteps,
  type BatchMigrationRequest,
  type MigrationPlan,
  type MigrationRequest,
} from '../../workflows/engine/migration';
import { flowNotFound, UnprocessableProblemError } from '../problems';
import type { FlowMigrationRequest, MigrateCaseRequest } from '../schemas';
import type { CaseIntakeContext } from './build-case-input';

/** The request for the case as `view` shows it; 422 at `toVersion` when the catalogue lacks that version. */
export function migrationRequestFor(
  ctx: CaseIntakeContext,
  view: Pick<CaseView, 'flowId' | 'flowVersion' | 'region'>,
  body: Omit<MigrateCaseRequest, 'dryRun'>,
): MigrationRequest {
  const flow = ctx.flows.get(view.flowId, body.toVersion);
  const calendar = flow === undefined ? undefined : ctx.calendars.get(flow.calendar);
  if (flow === undefined || calendar === undefined) {
    const message =
      flow === undefined
        ? `flow '${view.flowId}' has no version ${body.toVersion}`
        : `the calendar '${flow.calendar}' of version ${body.toVersion} is not loaded`;
    throw new UnprocessableProblemError('The case cannot migrate', [{ path: 'toVersion', message }]);
  }
  return {
    fromVersion: view.flowVersion,
    target: migrationTarget(ctx.directory, flow, calendar, view.region),
    stepMapping: body.stepMapping ?? {},
    ...(body.data !== undefined ? { data: body.data } : {}),
  };
}

/** A dry run's plan when accepted; a refused one is the same 422 problem as a refused migration. */
export function acceptedPlan(plan: MigrationPlan): MigrationPlan {
  if (!plan.accepted) throw new MigrationRefusedError(plan.errors);
  return plan;
}

/**
 * The batch request for every running case of `flowId` at `fromVersion`: 404 for an unknown flow, 422 with every
 * problem located (a version the catalogue lacks, the same version twice, an unknown region, a mapping the two
 * versions refuse). Each case's own plan is still checked when it is migrated.
 */
export function batchMigrationRequestFor(
  ctx: CaseIntakeContext,
  flowId: string,
  body: FlowMigrationRequest,
  by: { readonly migrationId: string; readonly actor: Actor; readonly now: number },
): BatchMigrationRequest {
  if (ctx.flows.get(flowId) === undefined) throw flowNotFound(flowId);
  const { fromVersion, toVersion, region } = body;
  const source = ctx.flows.get(flowId, fromVersion);
  const flow = ctx.flows.get(flowId, toVersion);
  const calendar = flow === undefined ? undefined : ctx.calendars.get(flow.calendar);
  const errors: FieldError[] = [];
  if (source === undefined)
    errors.push({ path: 'fromVersion', message: `flow '${flowId}' has no version ${fromVersion}` });
  if (flow === undefined)
    errors.push({ path: 'toVersion', message: `flow '${flowId}' has no version ${toVersion}` });
  else if (calendar === undefined) {
    errors.push({
      path: 'toVersion',
      message: `the calendar '${flow.calendar}' of version ${toVersion} is not loaded`,
    });
  }
  if (fromVersion === toVersion)
    errors.push({ path: 'toVersion', message: 'the cases are already on this version' });
  if (region !== undefined && !ctx.directory.regions.some((known) => known.code === region)) {
    errors.push({ path: 'region', message: `unknown region '${region}'` });
  }
  const stepMapping = body.stepMapping ?? {};
  if (source !== undefined && flow !== undefined) errors.push(...pairSteps(source, flow, stepMapping).errors);
  if (errors.length > 0 || flow === undefined || calendar === undefined) {
    throw new UnprocessableProblemError('The cases cannot migrate', errors);
  }
  return {
    migrationId: by.migrationId,
    flowId,
    fromVersion,
    toVersion,
    ...(region !== undefined ? { region } : {}),
    stepMapping,
    ...(body.data !== undefined ? { data: body.data } : {}),
    dryRun: body.dryRun ?? false,
    actor: by.actor,
    requestedAt: by.now,
    flow,
    calendar,
    directory: ctx.directory,
  };
}
