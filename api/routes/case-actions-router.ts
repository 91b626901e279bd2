/**
 * Serves every route of the action table (api/actions/case-action-routes.ts): what a department does with its
 * step (签收 claim, complete, 退单 return, 延期 extension), what a supervisor does with a step or the whole case
 * (decide an extension, retry an incident, emergency, 催办 urge, 改派 reassign, suspend, resume, cancel) and the
 * intake seat's 回访 feedback. The case is read first, so that an actor who may not act gets a 403 before any
 * Update runs; the engine checks again.
 */
import { Router } from 'express';
import { ACCESS_ROLES, type ActionRoute } from '../actions/action-route';
import { CASE_ACTION_ROUTES, type OfferedActionType } from '../actions/case-action-routes';
import { actorOf, requireRole } from '../auth';
import { actOnCase } from './act-on-case';
import { assertMayAct, visibleCase } from './case-access';
import { engineActor, requestLogger, type RouteDependencies } from './route-context';

/** Routes for every action on a case or one of its steps. */
export function createCaseActionsRouter(deps: RouteDependencies): Router {
  const router = Router();
  for (const route of Object.values(CASE_ACTION_ROUTES)) serve(router, deps, route);
  return router;
}

function serve<K extends OfferedActionType>(router: Router, deps: RouteDependencies, route: ActionRoute<K>) {
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  router.post(path, requireRole(...ACCESS_ROLES[route.access]), async (req, res) => {
    const actor = actorOf(res);
    const { caseId, stepId, key, guard, payload } = route.read(req, {
      actor: engineActor(actor),
      directory: deps.service.directory,
    });
    const view = await visibleCase(deps, caseId, actor);
    assertMayAct(deps, actor, view, guard);
    const updateId = key === undefined ? undefined : `${route.type}:${stepId ?? 'case'}:${key}`;
    const after = await actOnCase(deps, view, route.type, payload, updateId);
    requestLogger(deps.logger, req, actor, caseId).info(
      { action: route.type, stepId },
      'Case action applied',
    );
    res.status(route.status).json(after);
  });
}
