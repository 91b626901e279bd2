/**
 * What supervisors do with a whole case (emergency, 催办 urge, 改派 reassign, suspend, resume, cancel) and the
 * intake seat's 回访 feedback. The case is read first so that a case outside the actor's region is a 403.
 */
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { ActionPayload } from '../../workflows/messages';
import { actorOf, requireRole, type Role } from '../auth';
import { UnprocessableProblemError } from '../problems';
import {
  CancelRequestSchema,
  CaseParamsSchema,
  EmergencyRequestSchema,
  FeedbackRequestSchema,
  ReassignRequestSchema,
  ResumeRequestSchema,
  SuspendRequestSchema,
  UrgeRequestSchema,
} from '../schemas';
import { assertSupervises, visibleCase } from './case-access';
import { actOnCase } from './act-on-case';
import { optionalIdempotencyKey } from './idempotency';
import { engineActor, requestLogger, type RouteDependencies } from './route-context';

interface CaseRoute {
  readonly path: string;
  readonly type: CaseActionType;
  readonly schema: z.ZodType;
  readonly roles: readonly Role[];
}

const SUPERVISORS: readonly Role[] = ['supervisor', 'admin'];

const ROUTES: readonly CaseRoute[] = [
  { path: 'emergency', type: 'setEmergency', schema: EmergencyRequestSchema, roles: SUPERVISORS },
  { path: 'urge', type: 'urge', schema: UrgeRequestSchema, roles: SUPERVISORS },
  { path: 'reassign', type: 'reassign', schema: ReassignRequestSchema, roles: SUPERVISORS },
  { path: 'suspend', type: 'suspend', schema: SuspendRequestSchema, roles: SUPERVISORS },
  { path: 'resume', type: 'resume', schema: ResumeRequestSchema, roles: SUPERVISORS },
  { path: 'cancel', type: 'cancel', schema: CancelRequestSchema, roles: SUPERVISORS },
  { path: 'feedback', type: 'feedback', schema: FeedbackRequestSchema, roles: ['intake'] },
];

/** Routes for actions on a whole case. */
export function createCaseActionsRouter(deps: RouteDependencies): Router {
  const router = Router();
  for (const route of ROUTES) {
    router.post(`/v1/cases/:caseId/${route.path}`, requireRole(...route.roles), async (req, res) =>
      runCaseAction(deps, route, req, res),
    );
  }
  return router;
}

async function runCaseAction(
  deps: RouteDependencies,
  route: CaseRoute,
  req: Request,
  res: Response,
): Promise<void> {
  const actor = actorOf(res);
  const { caseId } = CaseParamsSchema.parse(req.params);
  const key = optionalIdempotencyKey(req);
  const body = route.schema.parse(req.body ?? {}) as Record<string, unknown>;
  if (route.type === 'reassign') assertKnownDepartment(deps, body['department']);
  const view = await visibleCase(deps, caseId, actor);
  // Intake reaches only feedback, and visibleCase already held it to its region.
  if (actor.role !== 'intake') assertSupervises(deps, actor, view);
  const stepId = typeof body['stepId'] === 'string' ? body['stepId'] : undefined;
  const updateId = key === undefined ? undefined : `${route.type}:${stepId ?? 'case'}:${key}`;
  const payload = { ...body, actor: engineActor(actor) } as unknown as ActionPayload<CaseActionType>;
  const after = await actOnCase(deps, view, route.type, payload, updateId);
  requestLogger(deps.logger, req, actor, caseId).info({ action: route.type, stepId }, 'Case action applied');
  res.json(after);
}

/** 改派 to a department the directory lacks would leave the step with no one to act on it: 422 instead. */
function assertKnownDepartment(deps: RouteDependencies, department: unknown): void {
  if (deps.service.directory.departments.some((known) => known.id === department)) return;
  throw new UnprocessableProblemError(`No department '${String(department)}' in the directory`, [
    { path: 'department', message: 'Not a department of the directory' },
  ]);
}
