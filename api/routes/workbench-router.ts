/**
 * Reads the web workbench needs, beyond the contract (additions, any authenticated role): `GET /v1/me` (the
 * token's actor with the directory's names), `GET /v1/regions` and `GET /v1/departments` (the directory without
 * its systems or notification URLs), and `GET /v1/flows/{flowId}/explanation` (each time limit of a flow and the
 * deadline it would get from a start time, the arithmetic of `fullcycle flows explain`).
 */
import { Router } from 'express';
import { explainFlow, FlowProfileUnknownError } from '../../workflows/engine/flow-explain';
import { parseInstant } from '../../workflows/engine/time';
import { actorOf } from '../auth';
import { BadRequestProblemError, flowNotFound } from '../problems';
import { ExplanationQuerySchema, FlowParamsSchema, type Me } from '../schemas';
import type { RouteDependencies } from './route-context';

/** The workbench reads. */
export function createWorkbenchRouter(deps: RouteDependencies): Router {
  const router = Router();
  const { directory, flows, calendars } = deps.service;

  router.get('/v1/me', (_req, res) => {
    const actor = actorOf(res);
    const department = directory.departments.find((candidate) => candidate.id === actor.dept);
    const region = directory.regions.find((candidate) => candidate.code === actor.region);
    const me: Me = {
      sub: actor.sub,
      role: actor.role,
      ...(actor.dept === undefined ? {} : { dept: actor.dept }),
      ...(department === undefined ? {} : { departmentName: department.name }),
      ...(actor.region === undefined ? {} : { region: actor.region }),
      ...(region === undefined ? {} : { regionName: region.name }),
    };
    res.json(me);
  });

  router.get('/v1/regions', (_req, res) => {
    res.json({
      items: directory.regions.map(({ code, name, level, parent }) => ({
        code,
        name,
        level,
        ...(parent === undefined ? {} : { parent }),
      })),
    });
  });

  router.get('/v1/departments', (_req, res) => {
    res.json({
      items: directory.departments.map(({ id, name, region, roles }) => ({ id, name, region, roles })),
    });
  });

  router.get('/v1/flows/:flowId/explanation', async (req, res) => {
    const { flowId } = FlowParamsSchema.parse(req.params);
    const query = ExplanationQuerySchema.parse(req.query);
    // Explained as a case started now would run: the versions and calendar days published on any instance.
    await deps.published.catchUp();
    const flow = flows.get(flowId, query.version);
    if (flow === undefined) throw flowNotFound(flowId, query.version);
    const calendar = calendars.get(flow.calendar);
    if (calendar === undefined)
      throw new Error(`calendar '${flow.calendar}' of flow '${flowId}' is not loaded`);
    try {
      res.json(
        explainFlow(flow, calendar, {
          start: parseInstant(query.start),
          ...(query.profile === undefined ? {} : { profile: query.profile }),
        }),
      );
    } catch (error) {
      if (!(error instanceof FlowProfileUnknownError)) throw error;
      throw new BadRequestProblemError(error.message, {
        errors: [{ path: 'profile', message: error.message }],
      });
    }
  });
  return router;
}
