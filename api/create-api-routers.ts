/**
 * Composes the product routes of the HTTP contract over their injected dependencies: the public docs, then under
 * `/v1` authentication, per-subject rate limiting, flow validation and publication (each reads its own text
 * body), JSON bodies with the configured limit, and the routers for cases, actions, the inbox, supervision and
 * flows; all over one follower of what the ledger has published (calendar revisions, flow versions).
 */
import { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../config/rate-limits';
import type { ServiceData } from '../config/load-service-data';
import { authenticate, type TokenVerifier } from './auth';
import type { Ledger } from '../ledger';
import type { CaseGateway } from './cases/case-gateway';
import { followPublishedCalendars } from './cases/published-calendars';
import { followPublishedFlows } from './cases/published-flows';
import { followAll } from './cases/publication-follower';
import { createDocsRouter } from './docs/docs-router';
import { createJsonBodyParser, createRateLimiter, JSON_MEDIA_TYPES, requireMediaType } from './limits';
import { buildOpenApiDocument } from './openapi/build-openapi-document';
import { createCaseActionsRouter } from './routes/case-actions-router';
import { createCasesRouter } from './routes/cases-router';
import { createCaseSearchRouter } from './routes/case-search-router';
import { createMetricsRouter } from './routes/metrics-router';
import { createDepartmentsRouter } from './routes/departments-router';
import { createFlowValidationRouter } from './routes/flow-validation-router';
import { createFlowPublicationRouter } from './routes/flow-publication-router';
import { createFlowsRouter } from './routes/flows-router';
import { createFlowMigrationsRouter } from './routes/flow-migrations-router';
import { createCalendarRevisionsRouter } from './routes/calendar-revisions-router';
import type { RouteDependencies } from './routes/route-context';
import { createSupervisionRouter } from './routes/supervision-router';
import { createApiKeyStore, type ApiKeyStore } from './open311/api-keys';
import { createOpen311Router } from './open311/open311-router';
import { createWorkbenchRouter } from './routes/workbench-router';

export interface ApiRouterDependencies {
  readonly gateway: CaseGateway;
  readonly ledger: Ledger;
  readonly service: ServiceData;
  readonly verifier: TokenVerifier;
  readonly logger: Logger;
  /** Body limit and rate limits; defaults `1mb` and DEFAULT_RATE_LIMIT_PER_MINUTE per subject, no overrides. */
  readonly config?: {
    readonly http: Pick<Config['http'], 'bodyLimit'>;
    readonly rateLimitPerMinute: number;
    readonly rateLimitOverrides?: Config['rateLimitOverrides'];
  };
  /** The clock (epoch ms); `Date.now` by default. */
  readonly now?: () => number;
  /** Zone of the instants the API writes from search attributes; `Asia/Shanghai` by default. */
  readonly timezone?: string;
  /** The Open311 api_keys; none by default (then no one can file a GeoReport request). */
  readonly apiKeys?: ApiKeyStore;
}

/** The docs router, the `/v1` router and the Open311 GeoReport v2 router, in mounting order. */
export function createApiRouters(deps: ApiRouterDependencies): Router[] {
  const published = followAll(
    followPublishedCalendars(deps.ledger, deps.service.calendars, deps.logger),
    followPublishedFlows(deps.ledger, deps.service.flows, deps.service.validation, deps.logger),
  );
  const context: RouteDependencies = {
    gateway: deps.gateway,
    ledger: deps.ledger,
    service: deps.service,
    published,
    logger: deps.logger,
    now: deps.now ?? Date.now,
    timezone: deps.timezone ?? 'Asia/Shanghai',
  };
  const bodyLimit = deps.config?.http.bodyLimit ?? '1mb';
  const rateLimit = {
    limit: deps.config?.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    overrides: deps.config?.rateLimitOverrides,
  };
  const v1 = Router();
  v1.use('/v1', authenticate(deps.verifier));
  v1.use('/v1', createRateLimiter(rateLimit));
  v1.use(createFlowValidationRouter(context, bodyLimit));
  v1.use(createFlowPublicationRouter(context, bodyLimit));
  v1.use('/v1', (req, res, next) => {
    if (req.method === 'POST') requireMediaType(...JSON_MEDIA_TYPES)(req, res, next);
    else next();
  });
  v1.use('/v1', createJsonBodyParser(bodyLimit));
  for (const create of [
    createCaseSearchRouter,
    createCasesRouter,
    createCaseActionsRouter,
    createDepartmentsRouter,
    createSupervisionRouter,
    createMetricsRouter,
    createFlowsRouter,
    createFlowMigrationsRouter,
    createCalendarRevisionsRouter,
    createWorkbenchRouter,
  ]) {
    v1.use(create(context));
  }
  const open311 = createOpen311Router({
    gateway: deps.gateway,
    ledger: deps.ledger,
    service: deps.service,
    published,
    apiKeys: deps.apiKeys ?? createApiKeyStore([]),
    logger: deps.logger,
    bodyLimit,
    rateLimit,
    now: context.now,
  });
  return [createDocsRouter(buildOpenApiDocument()), v1, open311];
}
