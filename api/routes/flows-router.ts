/**
 * `/v1/flows`: every version (with its calendar and that calendar's zone, and who published it through the API),
 * and one definition as written plus its Mermaid diagram; versions published on any API instance included.
 */
import { Router } from 'express';
import type { FlowFile } from '../../config/flow/load-flows';
import { readSourceDocument } from '../../config/flow/source-document';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { flowToMermaid } from '../../workflows/engine/flow-diagram';
import { flowNotFound } from '../problems';
import { FlowParamsSchema, FlowVersionParamsSchema, type FlowListItem } from '../schemas';
import type { RouteDependencies } from './route-context';

/** Who published the version through the API and when; nothing for a file of FLOWS_DIR. */
function publicationOf(file: FlowFile): { publishedBy?: string; publishedAt?: string } {
  if (file.published === undefined) return {};
  return { publishedBy: file.published.by, publishedAt: new Date(file.published.at).toISOString() };
}

/** A version as listed: with the calendar its cases run on, that calendar's zone, and its publication. */
export function flowListItem(file: FlowFile, calendars: ReadonlyMap<string, WorkingCalendar>): FlowListItem {
  const { id, version, title, calendar } = file.flow;
  const timezone = calendars.get(calendar)?.timezone;
  if (timezone === undefined) throw new Error(`calendar '${calendar}' of flow '${id}' is not loaded`);
  return { id, version, title, calendar, timezone, ...publicationOf(file) };
}

/** The flow reading routes (any authenticated role). */
export function createFlowsRouter(deps: RouteDependencies): Router {
  const router = Router();
  const { flows, calendars } = deps.service;

  const definition = (flowId: string, version?: number) => {
    const file = flows.source(flowId, version);
    if (!file) throw flowNotFound(flowId, version);
    const written = readSourceDocument(file.text, file.format).value as Record<string, unknown>;
    return {
      ...written,
      id: file.flow.id,
      version: file.flow.version,
      ...publicationOf(file),
      diagram: flowToMermaid(file.flow),
    };
  };

  /** Each version with the calendar its cases run on and that calendar's zone. */
  const listed = (): FlowListItem[] =>
    flows.list().flatMap(({ id, version }) => {
      const file = flows.source(id, version);
      return file === undefined ? [] : [flowListItem(file, calendars)];
    });

  // Each catches up with the versions published on other instances first (a count in the ledger).
  router.get('/v1/flows', async (_req, res) => {
    await deps.published.catchUp();
    res.json({ items: listed() });
  });
  router.get('/v1/flows/:flowId', async (req, res) => {
    const { flowId } = FlowParamsSchema.parse(req.params);
    await deps.published.catchUp();
    res.json(definition(flowId));
  });
  router.get('/v1/flows/:flowId/versions/:version', async (req, res) => {
    const { flowId, version } = FlowVersionParamsSchema.parse(req.params);
    await deps.published.catchUp();
    res.json(definition(flowId, version));
  });
  return router;
}
