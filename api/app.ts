/** Builds the Express app over its dependencies; never listens (api/server.ts does). */
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { createHttpMetrics } from './operations/http-metrics';
import { createProblemHandler, notFoundHandler } from './problems';
import { createOperationsRouter } from './operations/operations-router';
import { createRequestLogging } from './request-logging';

export interface AppDependencies {
  logger: Logger;
  /** Resolves when Temporal answers. */
  checkTemporal: () => Promise<void>;
  /** The product routes (cases, departments, supervision, flows, docs), mounted after the operations routes. */
  routers?: readonly Router[];
}

/** Creates the app: request logging, metrics, operations endpoints, the product routes, then 404 and problems. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const metrics = createHttpMetrics();
  app.use(createRequestLogging(deps.logger));
  app.use(metrics.middleware);
  app.use(createOperationsRouter({ checkTemporal: deps.checkTemporal, metricsRegistry: metrics.registry }));
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFoundHandler);
  app.use(createProblemHandler({ logger: deps.logger }));
  return app;
}
