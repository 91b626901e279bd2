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
import type { PublicationFollower } from '../cases/publication-follower';

/** The dependencies of the product routers. */
export interface RouteDependencies {
  readonly gateway: CaseGateway;
  /** The case ledger: search, inboxes, supervision, metrics, and cases Temporal has forgotten. */
  readonly ledger: Ledger;
  readonly service: ServiceData;
  /**
   * Brings `service.calendars` and `service.flows` to what the ledger has published (calendar revisions, flow
   * versions), whichever instance published it: before a case starts or migrates, and before flows are listed.
   */
  readonly published: PublicationFollower;
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

/** Info lines about one request (a route writes one or two, so no child logger is made for them). */
export interface RequestLog {
  info(fields: Record<string, unknown>, message: string): void;
  info(message: string): void;
}

/**
 * Lines about this request: request id, actor and (when given) the case, then the line's own fields; never
 * tokens or data. Each line is the one a child logger with those bindings writes, the same fields in the same
 * order, without building a child logger for every request.
 */
export function requestLogger(logger: Logger, req: Request, actor: Actor, caseId?: string): RequestLog {
  const about = {
    reqId: (req as { id?: unknown }).id,
    actor: engineActor(actor),
    ...(caseId === undefined ? {} : { caseId }),
  };
  return {
    info(fieldsOrMessage: Record<string, unknown> | string, message?: string) {
      if (typeof fieldsOrMessage === 'string') logger.info(about, fieldsOrMessage);
      else logger.info({ ...about, ...fieldsOrMessage }, message);
    },
  };
}
