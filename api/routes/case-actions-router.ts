/**
 * Serves every route of the action table (api/actions/case-action-routes.ts): what a department does with its
 * step (签收 claim, complete, 退单 return, 延期 extension), what a supervisor does with a step or the whole case
 * (decide an extension, retry an incident, emergency, 催办 urge, 改派 reassign, suspend, resume, cancel), the
 * intake seat's 回访 feedback and a designer's migration (or its dry run). A department's action on its step goes
 * straight to the case, whose Update validator refuses a step not assigned to the caller, not active or closed
 * (leaving no history); a refusal then reads the case to answer as below. Every other action reads the case
 * first, so that an actor who may not act gets a 403 before any Update runs; the engine checks again.
 */
import { Router } from 'express';
import { ACCESS_ROLES, type ActionRoute } from '../actions/action-route';
import { CASE_ACTION_ROUTES, type OfferedActionType } from '../actions/case-action-routes';
import { actorOf, requireRole } from '../auth';
import { stepNamedIn } from '../actions/define-action-route';
import { keyedAction } from '../actions/idempotency-key';
import { actOnCase, actOnOwnStep, assertCaseOpen } from './act-on-case';
import { assertMayAct, caseForAction } from './case-access';
import { sendJsonAnswer } from './send-json-answer';
import { engineActor, requestLogger, type RouteDependencies } from './route-context';

/** Routes for every action on a case or one of its steps. */
export function createCaseActionsRouter(deps: RouteDependencies): Router {
  const router = Router();
  for (const route of Object.values(CASE_ACTION_ROUTES)) serve(router, deps, route);
  return router;
}

function serve<K extends OfferedActionType>(router: Router, deps: RouteDependencies, route: ActionRoute<K>) {
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  const { directory, flows, calendars } = deps.service;
  router.post(path, requireRole(...ACCESS_ROLES[route.access]), async (req, res) => {
    const actor = actorOf(res);
    const request = route.read(req);
    const { caseId, key, guard } = request;
    const context = { actor: engineActor(actor), directory, flows, calendars };
    const log = requestLogger(deps.logger, req, actor, caseId);
    const keyed = (stepId: string | undefined) =>
      key === undefined
        ? undefined
        : keyedAction({ key, type: route.type, caseId, stepId, actor: context.actor, body: request.body });
    if (!request.readsCase) {
      const payload = request.payload(context);
      const stepId = request.stepId ?? stepNamedIn(payload);
      const after = await actOnOwnStep(deps, actor, guard, route.type, payload, keyed(stepId), caseId);
      log.info({ action: route.type, stepId }, 'Case action applied');
      sendJsonAnswer(res, route.status, after);
      return;
    }
    const view = await caseForAction(deps, caseId, actor, guard);
    assertMayAct(deps, actor, view, guard);
    // A migration's target version and its calendar's latest revision, wherever they were published.
    if (route.type === 'migrate') await deps.published.catchUp();
    const payload = request.payload({ ...context, view });
    const stepId = request.stepId ?? stepNamedIn(payload);
    if (request.dryRun && route.preview !== undefined) {
      assertCaseOpen(view);
      const planned = await route.preview(deps.gateway, caseId, payload);
      log.info({ action: route.type, stepId }, 'Case action planned (dry run)');
      res.status(200).json(planned);
      return;
    }
    const after = await actOnCase(deps, view, route.type, payload, keyed(stepId));
    log.info({ action: route.type, stepId }, 'Case action applied');
    sendJsonAnswer(res, route.status, after);
  });
}
