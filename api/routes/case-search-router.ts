/**
 * `GET /v1/cases`: search every case the ledger holds (open or long closed), within what the actor may see:
 * supervisors and intake their region's subtree, departments the cases they have held a step of, admins all.
 */
import { Router } from 'express';
import { searchCases } from '../../ledger';
import { parseInstant } from '../../workflows/engine/time';
import { actorOf, isRegionWithin, type Actor } from '../auth';
import { cursorValues, pageBody } from '../ledger/ledger-cursor';
import { ForbiddenProblemError } from '../problems';
import { CaseSearchQuerySchema, type CaseSearchQuery } from '../schemas';
import { regionWithin, type RouteDependencies } from './route-context';

/** The region and department the actor's search is held to; 403 for what it may not see. */
function searchScope(
  deps: RouteDependencies,
  actor: Actor,
  query: CaseSearchQuery,
): { region?: string; department?: string } {
  const outside = (what: string) =>
    new ForbiddenProblemError(`${what} is outside what you may see`, { slug: 'out-of-region' });
  switch (actor.role) {
    case 'admin':
      return { region: query.region, department: query.department };
    case 'supervisor':
    case 'intake': {
      const own = actor.region;
      if (own === undefined) throw outside('Every case');
      const region = query.region ?? own;
      if (!isRegionWithin(region, own, regionWithin(deps.service))) throw outside(`Region '${region}'`);
      return { region, department: query.department };
    }
    case 'department':
      if (query.department !== undefined && query.department !== actor.dept) {
        throw outside(`Department '${query.department}'`);
      }
      return { region: query.region, department: actor.dept ?? '' };
    case 'designer':
      throw outside('Every case');
  }
}

const instant = (text: string | undefined) => (text === undefined ? undefined : parseInstant(text));

/** The case search route. */
export function createCaseSearchRouter(deps: RouteDependencies): Router {
  const router = Router();
  router.get('/v1/cases', async (req, res) => {
    const actor = actorOf(res);
    const query = CaseSearchQuerySchema.parse(req.query);
    const scope = searchScope(deps, actor, query);
    const { pageSize, pageToken, ...filters } = query;
    const listScope = `cases:${JSON.stringify({ ...filters, ...scope })}`;
    const after =
      pageToken === undefined ? undefined : cursorValues(listScope, pageToken, ['number', 'string'] as const);
    const page = await searchCases(deps.ledger, {
      ...filters,
      ...scope,
      openedFrom: instant(filters.openedFrom),
      openedTo: instant(filters.openedTo),
      closedFrom: instant(filters.closedFrom),
      closedTo: instant(filters.closedTo),
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
      now: deps.now(),
    });
    res.json(pageBody(listScope, page));
  });
  return router;
}
