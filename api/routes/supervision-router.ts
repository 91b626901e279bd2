/**
 * `GET /v1/supervision/stalled` and `/summary` from the case ledger: open cases within the actor's region, stalled
 * ones longest idle first (keyset-paged), and the counts over the whole region with no page limit.
 */
import { Router, type Response } from 'express';
import { openCaseCounts, stalledCases } from '../../ledger';
import { formatInstant, parseDuration } from '../../workflows/engine/time';
import { actorOf, regionScopeOf, requireRole } from '../auth';
import { cursorValues, pageBody } from '../ledger/ledger-cursor';
import { BadRequestProblemError, ForbiddenProblemError } from '../problems';
import { StalledQuerySchema, SummaryQuerySchema } from '../schemas';
import { regionWithin, type RouteDependencies } from './route-context';

const DAY = 86_400_000;

/** The supervision routes. */
export function createSupervisionRouter(deps: RouteDependencies): Router {
  const router = Router();
  const gate = requireRole('supervisor', 'admin');

  router.get('/v1/supervision/stalled', gate, async (req, res) => {
    const { pageSize, pageToken, ...query } = StalledQuerySchema.parse(req.query);
    const region = scopedRegion(deps, res, query.region);
    const now = deps.now();
    const filters = {
      ...(region === undefined ? {} : { region }),
      ...(query.department === undefined ? {} : { department: query.department }),
      ...(query.stage === undefined ? {} : { stage: query.stage }),
      ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
      ...(query.claimOverdue === undefined ? {} : { claimOverdue: query.claimOverdue }),
      ...(query.awaitingDecision === undefined ? {} : { awaitingDecision: query.awaitingDecision }),
    };
    const idleFor = query.idleFor === undefined ? undefined : idleMillis(query.idleFor);
    const scope = `stalled:${JSON.stringify({ ...filters, idleFor: query.idleFor })}`;
    const after =
      pageToken === undefined ? undefined : cursorValues(scope, pageToken, ['number', 'string'] as const);
    const page = await stalledCases(deps.ledger, {
      ...filters,
      ...(idleFor === undefined ? {} : { idleSince: now - idleFor }),
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
      now,
    });
    res.json(pageBody(scope, page));
  });

  router.get('/v1/supervision/summary', gate, async (req, res) => {
    const query = SummaryQuerySchema.parse(req.query);
    const region = scopedRegion(deps, res, query.region);
    const now = deps.now();
    const counts = await openCaseCounts(deps.ledger, { ...(region === undefined ? {} : { region }), now });
    res.json({
      ...(region === undefined ? {} : { region }),
      asOf: formatInstant(now, deps.timezone),
      ...counts,
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
