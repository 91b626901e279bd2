/**
 * `POST /v1/flows` (designers, admins): publishes a flow version without a restart (docs/flow-language.md,
 * "Publishing a flow version"). The flow is validated as `POST /v1/flows/validate` does (422 with every problem),
 * stored in the ledger with who published it and when, and served at once here and, after their next catch-up
 * (before every route that lists, starts or migrates), on every other API instance. A version is immutable: the
 * same content again answers 200 and stores nothing; other content for a version that exists, published or a file
 * of FLOWS_DIR, is a 409.
 */
import { Router } from 'express';
import { Open311ServiceCodeDuplicateError } from '../../config/flow/flow-problem';
import type { FlowFile } from '../../config/flow/load-flows';
import { Open311ServiceCodeClaimedError, publishFlowVersion } from '../../ledger/flow-versions';
import { actorOf, requireRole } from '../auth';
import { flowDigest, publishedFlowLocation } from '../cases/published-flows';
import { ConflictProblemError } from '../problems';
import { flowListItem } from './flows-router';
import { flowTextOf, readFlowText, validFlow } from './flow-text';
import { requestLogger, type RouteDependencies } from './route-context';

const versionTaken = (id: string, version: number) =>
  new ConflictProblemError(
    `Flow '${id}' version ${version} is already published with other content: publish it as a new version`,
    { slug: 'flow-version-taken', title: 'Flow version already published' },
  );

/** The publication route; mount it before any JSON body parser (it reads JSON as text itself). */
export function createFlowPublicationRouter(deps: RouteDependencies, bodyLimit: string): Router {
  const router = Router();
  const { flows, calendars } = deps.service;
  router.post('/v1/flows', requireRole('designer', 'admin'), ...readFlowText(bodyLimit), async (req, res) => {
    const sent = flowTextOf(req);
    const flow = validFlow(sent, deps.service.validation);
    const { id, version } = flow;
    const digest = flowDigest(sent.text, sent.format);
    const answer = (status: 200 | 201, file: FlowFile) => {
      res
        .status(status)
        .location(`/v1/flows/${encodeURIComponent(id)}/versions/${version}`)
        .json(flowListItem(file, calendars));
    };
    await deps.published.catchUp();
    const existing = flows.source(id, version);
    if (existing !== undefined) {
      if (flowDigest(existing.text, existing.format) !== digest) throw versionTaken(id, version);
      answer(200, existing);
      return;
    }
    const actor = actorOf(res);
    const publishedAt = deps.now();
    const file: FlowFile = {
      flow,
      file: publishedFlowLocation(id, version),
      text: sent.text,
      format: sent.format,
      published: { by: actor.sub, at: publishedAt },
    };
    await servable(() => flows.check(file));
    const publication = {
      flowId: id,
      version,
      digest,
      format: sent.format,
      source: sent.text,
      publishedBy: actor.sub,
      publishedAt,
    };
    const { stored, created } = await servable(() =>
      publishFlowVersion(deps.ledger, publication, flow.open311?.serviceCode),
    );
    // Published meanwhile on another instance: the same content is that version, other content is refused.
    if (!created && stored.digest !== digest) throw versionTaken(id, version);
    const served: FlowFile = { ...file, published: { by: stored.publishedBy, at: stored.publishedAt } };
    if (flows.source(id, version) === undefined) flows.add(served);
    requestLogger(deps.logger, req, actor).info(
      { flowId: id, flowVersion: version, created },
      created ? 'Flow version published' : 'Flow version publication repeated',
    );
    answer(created ? 201 : 200, flows.source(id, version) ?? served);
  });
  return router;
}

/**
 * Runs the catalog's check or the ledger's claim: an Open311 service code another flow offers here, or claimed in
 * the ledger by another flow published on another instance at the same moment, is a 409.
 */
async function servable<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const taken =
      error instanceof Open311ServiceCodeDuplicateError
        ? { serviceCode: error.serviceCode, other: error.flowIds[0] }
        : error instanceof Open311ServiceCodeClaimedError
          ? { serviceCode: error.serviceCode, other: error.claimedBy }
          : undefined;
    if (taken === undefined) throw error;
    throw new ConflictProblemError(
      `Open311 service code '${taken.serviceCode}' is offered by flow '${taken.other}': give this flow its own`,
      { slug: 'open311-service-code-taken', title: 'Open311 service code offered by another flow' },
    );
  }
}
