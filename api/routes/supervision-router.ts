/**
 * `GET /v1/supervision/stalled` and `/summary`: open cases within the actor's region, answered from search
 * attributes alone (no per-case query). Visibility has no ORDER BY, so stalled items are sorted in memory.
 */
import { Router, type Response } from 'express';
import { parseDuration } from '../../workflows/engine/time';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import { actorOf, regionScopeOf, requireRole } from '../auth';
import { BadRequestProblemError, ForbiddenProblemError } from '../problems';
import { StalledQuerySchema, SummaryQuerySchema } from '../schemas';
import { regionWithin, type RouteDependencies } from './route-context';
import { stalledItemOf, summarize } from './supervision-read';
import { allOf, before, equals, isFlag } from './visibility-query';

const DAY = 86_400_000;

/** The supervision routes. */
export function createSupervisionRouter(deps: RouteDependencies): Router {
  const router = Router();
  const gate = requireRole('supervisor', 'admin');

  router.get('/v1/supervision/stalled', gate, async (req, res) => {
    const query = StalledQuerySchema.parse(req.query);
    const region = scopedRegion(deps, res, query.region);
    const clauses = [equals(SA.status, 'open')];
    if (region !== undefined) clauses.push(equals(SA.regionPath, region));
    if (query.department !== undefined) clauses.push(equals(SA.waitingOn, query.department));
    if (query.stage !== undefined) clauses.push(equals(SA.stage, query.stage));
    if (query.overdue !== undefined) clauses.push(isFlag(SA.overdue, query.overdue));
    if (query.idleFor !== undefined)
      clauses.push(before(SA.lastProgressAt, deps.now() - idleMillis(query.idleFor)));
    const page = await deps.gateway.list(allOf(clauses), query.pageSize, query.pageToken);
    const items = page.items
      .map((item) => stalledItemOf(item, deps.timezone))
      .sort((a, b) => Date.parse(a.lastProgressAt) - Date.parse(b.lastProgressAt));
    res.json({ items, ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }) });
  });

  router.get('/v1/supervision/summary', gate, async (req, res) => {
    const query = SummaryQuerySchema.parse(req.query);
    const region = scopedRegion(deps, res, query.region);
    const clauses = [equals(SA.status, 'open')];
    if (region !== undefined) clauses.push(equals(SA.regionPath, region));
    const counts = await summarize(deps, allOf(clauses));
    res.json({
      ...(region === undefined ? {} : { region }),
      asOf: counts.asOf,
      ...counts.totals,
      ...(counts.partial ? { partial: true } : {}),
    });
  });

  return router;
}

/** The region to query: the token's by default; 403 when the asked one lies outside it. */
function scopedRegion(
  deps: RouteDependencies,
  res: Response,
  requested: string | undefined,
): string | undefined {
  const scope = regionScopeOf(actorOf(res), requested, regionWithin(deps.service));
  if (!scope.allowed) {
    throw new ForbiddenProblemError(`Region '${requested ?? ''}' is outside your region`, {
      slug: 'out-of-region',
    });
  }
  return scope.region;
}

/** `idleFor` as wall-clock milliseconds (a day is 24 hours here: idleness is not working time). */
function idleMillis(text: string): number {
  try {
    const spec = parseDuration(text);
    return spec.days * DAY + spec.millis;
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid duration';
    throw new BadRequestProblemError('idleFor is not a valid duration', {
      slug: 'validation',
      errors: [{ path: 'idleFor', message }],
    });
  }
}
