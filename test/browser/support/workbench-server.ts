/**
 * The real API with the built web app on a real port, over the run's shared Temporal dev server, with a case worker
 * on its own task queue: what a browser test talks to. Built on the HTTP end-to-end harness (the shipped flows and
 * directory, departmental systems on a local stub), with the `/app` router in front.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mintToken, type Actor } from '../../../api/auth';
import { createWebAppRouter, WEB_DIST_DIR, type WebAppAuthConfig } from '../../../api/web/web-app-router';
import { signInLink } from '../../../scripts/dev/sign-in-links';
import { createCaseWorker } from '../../../worker/create-case-worker';
import { installQuietRuntime, requiredEnv, testTemporalAddress } from '../../helpers/temporal-test-env';
import {
  SECRET,
  startHttpHarness,
  type HttpHarness,
  type HttpHarnessOptions,
} from '../../api/support/http-case-harness';
import { createTestLogger } from '../../api/support/test-logger';

export interface WorkbenchServer {
  readonly url: string;
  readonly harness: HttpHarness;
  /** The sign-in link `npm run dev` would print for this actor. */
  link(actor: Actor, path?: string): Promise<string>;
  token(actor: Actor): Promise<string>;
  /** Stops the case worker, the only one on the task queue (reads then come from the ledger); the API keeps serving. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the API (with /app) and a case worker on the harness's task queue; `options` as the HTTP harness's. */
export async function startWorkbenchServer(
  auth: WebAppAuthConfig = {},
  options: HttpHarnessOptions = {},
): Promise<WorkbenchServer> {
  const harness = await startHttpHarness(createTestLogger().logger, options);
  installQuietRuntime();
  const { worker, connection } = await createCaseWorker({
    temporal: { connectionOptions: { address: testTemporalAddress() }, namespace: 'default' },
    taskQueue: harness.taskQueue,
    activityDependencies: harness.activityDependencies,
    workflowBundle: { codePath: requiredEnv('FULLCYCLE_TEST_WORKFLOW_BUNDLE') },
  });
  const running = worker.run();
  const app = express();
  app.use(createWebAppRouter({ distDir: WEB_DIST_DIR, auth }));
  app.use(harness.app);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = (actor: Actor) => mintToken(SECRET, actor, { expiresIn: '30m' });
  let workerStopped: Promise<void> | undefined;
  const stopWorker = () =>
    (workerStopped ??= (async () => {
      worker.shutdown();
      await running;
      await connection.close();
    })());
  return {
    url,
    harness,
    token,
    stopWorker,
    async link(actor, path = '') {
      const link = signInLink(url, await token(actor));
      return path === '' ? link : link.replace('/app/#', `/app/${path}#`);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWorker();
      await harness.close();
    },
  };
}
