/**
 * What every product router is built over, and the small helpers they share: the region test from the
 * directory, the actor as the engine records it, and a child logger naming the request, actor and case.
 */
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { ServiceData } from '../../config/load-service-data';
import { isWithinRegion } from '../../workflows/engine/directory';
import type { Actor as EngineActor } from '../../workflows/engine/case-input';
import type { Actor, RegionWithin } from '../auth';
import type { Ledger } from '../../ledger';
import type { CaseGateway } from '../cases/case-gateway';

/** The dependencies of the product routers. */
export interface RouteDependencies {
  readonly gateway: CaseGateway;
  /** The case ledger: search, inboxes, supervision, metrics, and cases Temporal has forgotten. */
  readonly ledger: Ledger;
  readonly service: ServiceData;
  readonly logger: Logger;
  /** The clock for `idleFor` and `asOf` (tests pin it). */
  readonly now: () => number;
  /** Time zone of instants the API writes itself (visibility times); views carry their calendar's. */
  readonly timezone: string;
}

/** The directory's "lies under" test, for the access rules. */
export function regionWithin(service: ServiceData): RegionWithin {
  return (code, scope) => isWithinRegion(service.directory, code, scope);
}

/** The actor as the engine records it: who, in which role and department; never the token's region. */
export function engineActor(actor: Actor): EngineActor {
  return { sub: actor.sub, role: actor.role, ...(actor.dept === undefined ? {} : { dept: actor.dept }) };
}

/** A logger for lines about this request: request id, actor and (when given) the case; never tokens or data. */
export function requestLogger(logger: Logger, req: Request, actor: Actor, caseId?: string): Logger {
  return logger.child({
    reqId: (req as { id?: unknown }).id,
    actor: engineActor(actor),
    ...(caseId === undefined ? {} : { caseId }),
  });
}
