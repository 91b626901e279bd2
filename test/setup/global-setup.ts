/**
 * Once per `npm test`: starts one in-memory Temporal dev server, installs the time-skipping test server if needed,
 * and bundles the workflows once. Tests find them through the FULLCYCLE_TEST_* variables.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { startDevServer, type RunningDevServer } from '../../scripts/temporal/dev-server';
import { resolveTemporalBinary } from '../../scripts/temporal/temporal-binaries';
import { caseWorkflowBundleOptions } from '../../worker/case-workflow-bundle';

declare global {
  var fullcycleTestServer: RunningDevServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  // The integration and browser projects share one server: whichever setup runs first starts it.
  if (globalThis.fullcycleTestServer !== undefined) return;
  const log = (message: string): void => {
    if (!message.startsWith('[temporal]')) console.error(message);
  };
  const [server, testServerPath, bundle] = await Promise.all([
    startDevServer({ log }),
    resolveTemporalBinary('testServer', process.env, log),
    bundleWorkflowCode({
      ...caseWorkflowBundleOptions(),
      logger: new DefaultLogger('WARN'),
    }),
  ]);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-test-'));
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  await writeFile(bundlePath, bundle.code);
  globalThis.fullcycleTestServer = server;
  process.env.FULLCYCLE_TEST_TEMPORAL_ADDRESS = server.address;
  process.env.FULLCYCLE_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.TEMPORAL_TEST_SERVER_PATH = testServerPath;
}
