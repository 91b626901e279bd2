/**
 * `/v1/flows`: every version (with its calendar and that calendar's zone), and one definition as written plus its
 * Mermaid diagram.
 */
import { Router } from 'express';
import { readSourceDocument } from '../../config/flow/source-document';
import { flowToMermaid } from '../../workflows/engine/flow-diagram';
import { NotFoundProblemError } from '../problems';
import { FlowParamsSchema, FlowVersionParamsSchema, type FlowListItem } from '../schemas';
import type { RouteDependencies } from './route-context';

/** The flow reading routes (any authenticated role). */
export function createFlowsRouter(deps: RouteDependencies): Router {
  const router = Router();
  const { flows, calendars } = deps.service;

  const definition = (flowId: string, version?: number) => {
    const file = flows.source(flowId, version);
    if (!file) {
      const which = version === undefined ? '' : ` version ${version}`;
      throw new NotFoundProblemError(`No flow '${flowId}'${which}`, { slug: 'flow-not-found' });
    }
    const written = readSourceDocument(file.text, file.format).value as Record<string, unknown>;
    return { ...written, id: file.flow.id, version: file.flow.version, diagram: flowToMermaid(file.flow) };
  };

  /** Each version with the calendar its cases run on and that calendar's zone. */
  const listed = (): FlowListItem[] =>
    flows.list().map((item) => {
      const calendar = flows.get(item.id, item.version)?.calendar ?? '';
      const timezone = calendars.get(calendar)?.timezone;
      if (timezone === undefined)
        throw new Error(`calendar '${calendar}' of flow '${item.id}' is not loaded`);
      return { ...item, calendar, timezone };
    });

  router.get('/v1/flows', (_req, res) => {
    res.json({ items: listed() });
  });
  router.get('/v1/flows/:flowId', (req, res) => {
    res.json(definition(FlowParamsSchema.parse(req.params).flowId));
  });
  router.get('/v1/flows/:flowId/versions/:version', (req, res) => {
    const { flowId, version } = FlowVersionParamsSchema.parse(req.params);
    res.json(definition(flowId, version));
  });
  return router;
}
