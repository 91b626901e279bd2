/** Builds the Express app over its dependencies; never listens (api/server.ts does). */
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import type { WorkingCalendar } from '../workflows/engine/calendar-model';
import { publishedYearsWarnings } from '../config/calendars/published-years';
import { registerCalendarGauge } from './operations/calendar-gauge';
import { createHttpMetrics, type HttpMetrics } from './operations/http-metrics';
import { createProblemHandler, notFoundHandler } from './problems';
import { createOperationsRouter } from './operations/operations-router';
import { createRequestLogging } from './request-logging';

export interface AppDependencies {
  logger: Logger;
  /** Resolves when Temporal answers. */
  checkTemporal: () => Promise<void>;
  /** The product routes (cases, departments, supervision, flows, docs), mounted after the operations routes. */
  routers?: readonly Router[];
  /** The loaded calendars: `/readyz` warns when their published years run out, `/metrics` has the days left. */
  calendars?: ReadonlyMap<string, WorkingCalendar>;
  /** The clock of those warnings; `Date.now` unless a test gives its own. */
  now?: () => number;
  /** The HTTP metrics `/metrics` serves; new ones unless the server counts its parser's refusals there too. */
  metrics?: HttpMetrics;
}

/** Creates the app: request logging, metrics, operations endpoints, the product routes, then 404 and problems. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const metrics = deps.metrics ?? createHttpMetrics();
  app.use(createRequestLogging(deps.logger));
  app.use(metrics.middleware);
  const calendars = deps.calendars ?? new Map<string, WorkingCalendar>();
  const now = deps.now ?? Date.now;
  registerCalendarGauge(metrics.registry, calendars, now);
  app.use(
    createOperationsRouter({
      checkTemporal: deps.checkTemporal,
      metricsRegistry: metrics.registry,
      warnings: () => publishedYearsWarnings(calendars.values(), now()),
    }),
  );
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFoundHandler);
  app.use(createProblemHandler({ logger: deps.logger }));
  return app;
}
