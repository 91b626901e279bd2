/**
 * Turns a start request into the CaseInput a workflow pins: the flow version, profile, calendar and the resolved
 * directory entries, with the data checked against the flow's `data` fields.
 */
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import type { Actor, CaseInput, Priority } from '../../workflows/engine/case-input';
import { fieldErrors } from '../../workflows/engine/case/field-validation';
import type { Directory } from '../../workflows/engine/directory-model';
import { resolveCaseDirectory } from '../../workflows/engine/directory';
import type { Flow } from '../../workflows/engine/flow-model';
import { flowNotFound, UnprocessableProblemError } from '../problems';

/** The flows the API can start, by id and optional version (latest when absent). */
export interface FlowLookup {
  get(id: string, version?: number): Flow | undefined;
}

export interface CaseIntakeContext {
  flows: FlowLookup;
  directory: Directory;
  calendars: ReadonlyMap<string, WorkingCalendar>;
}

export interface StartCaseFields {
  caseId: string;
  flowId: string;
  flowVersion?: number;
  region: string;
  priority?: Priority;
  profile?: string;
  title?: string;
  data: Record<string, unknown>;
}

/** Builds the pinned input; throws 404 for an unknown flow and 422 for data, profile or region problems. */
export function buildCaseInput(ctx: CaseIntakeContext, request: StartCaseFields, actor: Actor): CaseInput {
  const flow = ctx.flows.get(request.flowId, request.flowVersion);
  if (!flow) throw flowNotFound(request.flowId, request.flowVersion);
  const errors = fieldErrors(flow.data, request.data, 'data');
  if (request.profile !== undefined && !Object.hasOwn(flow.profiles, request.profile)) {
    errors.push({ path: 'profile', message: `flow '${flow.id}' has no profile '${request.profile}'` });
  }
  if (!ctx.directory.regions.some((region) => region.code === request.region)) {
    errors.push({ path: 'region', message: `unknown region '${request.region}'` });
  }
  const calendar = ctx.calendars.get(flow.calendar);
  if (!calendar)
    errors.push({ path: 'flowId', message: `the flow's calendar '${flow.calendar}' is not loaded` });
  if (errors.length > 0 || !calendar)
    throw new UnprocessableProblemError('The case cannot be started', errors);
  return {
    caseId: request.caseId,
    flow,
    profile: request.profile,
    calendar,
    region: request.region,
    priority: request.priority ?? 'normal',
    title: request.title,
    data: request.data,
    startedBy: { sub: actor.sub, role: actor.role, ...(actor.dept ? { dept: actor.dept } : {}) },
    ...resolveCaseDirectory(ctx.directory, flow, request.region),
  };
}
