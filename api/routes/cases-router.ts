/**
 * `POST /v1/cases` (start, idempotent by caseId, or by Idempotency-Key without one), `GET /v1/cases/{caseId}` and its
 * timeline. A read (and a repeated start's view) that no worker answers in time comes from the ledger's record,
 * marked `Fullcycle-Source: ledger` (docs/api.md, "Answered from the ledger").
 */
import { Router } from 'express';
import { actorOf, isRegionWithin, requireRole } from '../auth';
import { buildCaseInput } from '../cases/build-case-input';
import { newCaseId } from '../cases/new-case-id';
import { ForbiddenProblemError } from '../problems';
import { CaseParamsSchema, StartCaseRequestSchema } from '../schemas';
import { markRecordSource } from '../ledger/case-view-or-record';
import { readableCase, readableTimeline, repeatedStartView } from '../ledger/ledger-case-reads';
import { sendJsonAnswer } from './send-json-answer';
import { regionWithin, requestLogger, type RouteDependencies } from './route-context';

/** Routes that start and read cases. */
export function createCasesRouter(deps: RouteDependencies): Router {
  const router = Router();

  router.post('/v1/cases', requireRole('intake', 'admin'), async (req, res) => {
    const actor = actorOf(res);
    const body = StartCaseRequestSchema.parse(req.body);
    const request = { ...body, caseId: body.caseId ?? newCaseId(req, actor) };
    // Authorization first (an unknown region is left to buildCaseInput's 422).
    const known = deps.service.directory.regions.some((region) => region.code === request.region);
    if (
      actor.role === 'intake' &&
      known &&
      !isRegionWithin(request.region, actor.region ?? '', regionWithin(deps.service))
    ) {
      throw new ForbiddenProblemError(`Region '${request.region}' is outside your region`, {
        slug: 'out-of-region',
      });
    }
    // A calendar revision or flow version published on another API instance applies to this case too.
    await deps.published.catchUp();
    const input = buildCaseInput(deps.service, request, actor);
    const started = await deps.gateway.start(input, request);
    const log = requestLogger(deps.logger, req, actor, request.caseId);
    if (started.created) {
      log.info({ flowId: input.flow.id, flowVersion: input.flow.version }, 'Case started');
      res.location(`/v1/cases/${encodeURIComponent(request.caseId)}`);
      sendJsonAnswer(res, 201, started.view);
      return;
    }
    log.info('Case start repeated; nothing new started');
    const { answer, record } = await repeatedStartView(deps, request.caseId);
    markRecordSource(res, record);
    sendJsonAnswer(res, 200, answer);
  });

  router.get('/v1/cases/:caseId', async (req, res) => {
    const { caseId } = CaseParamsSchema.parse(req.params);
    const { answer, record } = await readableCase(deps, caseId, actorOf(res));
    markRecordSource(res, record);
    sendJsonAnswer(res, 200, answer);
  });

  router.get('/v1/cases/:caseId/timeline', async (req, res) => {
    const { caseId } = CaseParamsSchema.parse(req.params);
    const { answer, record } = await readableTimeline(deps, caseId, actorOf(res));
    markRecordSource(res, record);
    res.json({ items: answer });
  });

  return router;
}
