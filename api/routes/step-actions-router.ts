/**
 * What a department does with its step (签收 claim, complete, 退单 return, 延期 extension) and what a supervisor
 * does with one step (decide an extension, retry an incident). The API refuses with 403 before running the Update
 * when the view shows the actor may not act; the engine checks again.
 */
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { parseInstant } from '../../workflows/engine/time';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { ActionPayload } from '../../workflows/messages';
import { actorOf, requireRole } from '../auth';
import {
  ClaimStepRequestSchema,
  CompleteStepRequestSchema,
  ExtensionDecisionRequestSchema,
  ExtensionRequestSchema,
  IdempotencyKeyHeadersSchema,
  ReturnStepRequestSchema,
  StepParamsSchema,
} from '../schemas';
import { assertActsOnStep, assertSupervises, stepOf, visibleCase } from './case-access';
import { engineActor, requestLogger, type RouteDependencies } from './route-context';
import { actOnCase } from './act-on-case';
import { optionalIdempotencyKey } from './idempotency';

type StepPayload<K extends CaseActionType> = Omit<ActionPayload<K>, 'actor' | 'stepId'>;

interface StepRoute<K extends CaseActionType> {
  readonly path: string;
  readonly type: K;
  readonly who: 'department' | 'supervisor';
  readonly status: number;
  readonly body: (req: Request) => StepPayload<K>;
  /** The idempotency key: required for complete, optional otherwise. */
  readonly key?: (req: Request) => string | undefined;
}

const parse = <T extends z.ZodType>(schema: T, body: unknown): z.infer<T> => schema.parse(body ?? {});

const ROUTES = [
  {
    path: 'claim',
    type: 'claim',
    who: 'department',
    status: 200,
    body: (req) => (parse(ClaimStepRequestSchema, req.body), {}),
  },
  {
    path: 'complete',
    type: 'complete',
    who: 'department',
    status: 200,
    body: (req) => ({ result: parse(CompleteStepRequestSchema, req.body).result }),
    key: (req) => IdempotencyKeyHeadersSchema.parse(req.headers)['idempotency-key'],
  },
  {
    path: 'return',
    type: 'return',
    who: 'department',
    status: 200,
    body: (req) => parse(ReturnStepRequestSchema, req.body),
  },
  {
    path: 'extension',
    type: 'requestExtension',
    who: 'department',
    status: 202,
    body: (req) => {
      const { until, reason } = parse(ExtensionRequestSchema, req.body);
      return { until: parseInstant(until), reason };
    },
  },
  {
    path: 'extension/decision',
    type: 'decideExtension',
    who: 'supervisor',
    status: 200,
    body: (req) => parse(ExtensionDecisionRequestSchema, req.body),
  },
  { path: 'retry', type: 'retry', who: 'supervisor', status: 200, body: () => ({}) },
] satisfies StepRoute<CaseActionType>[];

/** Routes for actions on one step of a case. */
export function createStepActionsRouter(deps: RouteDependencies): Router {
  const router = Router();
  for (const route of ROUTES as readonly StepRoute<CaseActionType>[]) {
    const roles = route.who === 'department' ? (['department'] as const) : (['supervisor', 'admin'] as const);
    router.post(`/v1/cases/:caseId/steps/:stepId/${route.path}`, requireRole(...roles), async (req, res) =>
      runStepAction(deps, route, req, res),
    );
  }
  return router;
}

async function runStepAction(
  deps: RouteDependencies,
  route: StepRoute<CaseActionType>,
  req: Request,
  res: Response,
): Promise<void> {
  const actor = actorOf(res);
  const { caseId, stepId } = StepParamsSchema.parse(req.params);
  const key = route.key ? route.key(req) : optionalIdempotencyKey(req);
  const payload = route.body(req);
  const view = await visibleCase(deps, caseId, actor);
  if (route.who === 'department') assertActsOnStep(actor, stepOf(deps, view, stepId));
  else assertSupervises(deps, actor, view);
  const updateId = key === undefined ? undefined : `${route.type}:${stepId}:${key}`;
  const after = await actOnCase(
    deps,
    view,
    route.type,
    { ...payload, stepId, actor: engineActor(actor) } as ActionPayload<CaseActionType>,
    updateId,
  );
  requestLogger(deps.logger, req, actor, caseId).info({ action: route.type, stepId }, 'Case action applied');
  res.status(route.status).json(after);
}
