/**
 * Batch migrations (docs/migration.md, "Every case of a version"): `POST /v1/flows/{flowId}/migrations` starts the
 * durable migration of every running case of one version (and region) onto another, and `GET
 * …/migrations/{migrationId}` follows it, case by case. Designers and admins.
 */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { batchProgress } from '../../workflows/engine/migration';
import { idempotencyKeyOf } from '../actions/idempotency-key';
import { actorOf, requireRole } from '../auth';
import { batchMigrationRequestFor } from '../cases/build-migration';
import { NotFoundProblemError } from '../problems';
import { FlowMigrationParamsSchema, FlowMigrationRequestSchema, FlowParamsSchema } from '../schemas';
import { engineActor, requestLogger, type RouteDependencies } from './route-context';

/** The same key from the same subject for the same flow names the same migration (a retried request). */
function migrationIdOf(subject: string, flowId: string, key: string): string {
  return createHash('sha256').update(`${subject}\n${flowId}\n${key}`).digest('hex').slice(0, 32);
}

/** The batch migration routes. */
export function createFlowMigrationsRouter(deps: RouteDependencies): Router {
  const router = Router();
  const gate = requireRole('designer', 'admin');

  router.post('/v1/flows/:flowId/migrations', gate, async (req, res) => {
    const { flowId } = FlowParamsSchema.parse(req.params);
    const key = idempotencyKeyOf(req, 'optional');
    const body = FlowMigrationRequestSchema.parse(req.body ?? {});
    const actor = actorOf(res);
    const migrationId = key === undefined ? randomUUID() : migrationIdOf(actor.sub, flowId, key);
    await deps.published.catchUp();
    const request = batchMigrationRequestFor(deps.service, flowId, body, {
      migrationId,
      actor: engineActor(actor),
      now: deps.now(),
    });
    const created = await deps.gateway.startFlowMigration(request);
    requestLogger(deps.logger, req, actor).info(
      { flowId, migrationId, fromVersion: body.fromVersion, toVersion: body.toVersion, created },
      created ? 'Batch migration started' : 'Batch migration request repeated',
    );
    const progress = created
      ? batchProgress(request, undefined, [])
      : await deps.gateway.flowMigration(migrationId);
    res
      .status(created ? 202 : 200)
      .location(`/v1/flows/${encodeURIComponent(flowId)}/migrations/${migrationId}`)
      .json(progress);
  });

  router.get('/v1/flows/:flowId/migrations/:migrationId', gate, async (req, res) => {
    const { flowId, migrationId } = FlowMigrationParamsSchema.parse(req.params);
    const notFound = () =>
      new NotFoundProblemError(`Flow '${flowId}' has no migration '${migrationId}'`, {
        slug: 'migration-not-found',
        title: 'Migration not found',
      });
    const progress = await deps.gateway.flowMigration(migrationId).catch((error: unknown) => {
      throw error instanceof WorkflowNotFoundError ? notFound() : error;
    });
    if (progress.flowId !== flowId) throw notFound();
    res.json(progress);
  });

  return router;
}
