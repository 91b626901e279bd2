/**
 * Turns a migration request into the engine's MigrationRequest for one case: the target version from the flow
 * catalogue, its calendar, and the directory entries its assignees need in the case's region, resolved as at start.
 */
import type { CaseView } from '../../workflows/engine/case/case-view';
import {
  MigrationRefusedError,
  migrationTarget,
  type MigrationPlan,
  type MigrationRequest,
} from '../../workflows/engine/migration';
import { UnprocessableProblemError } from '../problems';
import type { MigrateCaseRequest } from '../schemas';
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
