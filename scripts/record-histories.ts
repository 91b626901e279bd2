/**
 * `npm run histories:record`: runs each reference flow's happy path on a fresh in-memory dev server and writes its
 * event history to test/histories/<flow-id>.json, which test/workflows/replay.int.test.ts replays against the
 * current workflow code (proto JSON as `historyToJSON` writes it; see test/helpers/history-json.ts for why it is not
 * called directly). Record again when a flow's happy path changes on purpose; never to hide nondeterminism.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { caseInputFor } from '../test/helpers/case-fixtures';
import { driveToClosure, startCaseWorkflow } from '../test/helpers/case-driver';
import { historyToJsonText } from '../test/helpers/history-json';
import { startDepartmentSystemsStub } from '../test/helpers/department-systems-stub';
import { REFERENCE_CASES } from '../test/helpers/reference-cases';
import { createCaseWorker } from '../worker/create-case-worker';
import { startDevServer } from './temporal/dev-server';

const OUT_DIR = path.resolve(__dirname, '..', 'test', 'histories');

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const server = await startDevServer({ log: () => undefined });
  const systems = await startDepartmentSystemsStub();
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: server.namespace });
  const taskQueue = 'record-histories';
  const { worker, connection: workerConnection } = await createCaseWorker({
    temporal: { connectionOptions: { address: server.address }, namespace: server.namespace },
    taskQueue,
    activityDependencies: { env: {} },
  });
  try {
    await mkdir(OUT_DIR, { recursive: true });
    await worker.runUntil(async () => {
      for (const [flowId, reference] of Object.entries(REFERENCE_CASES)) {
        const input = systems.pointAt(await caseInputFor({ ...reference.fields, caseId: `H-${flowId}` }));
        const handle = await startCaseWorkflow(client, taskQueue, input);
        await driveToClosure(handle, input.flow, reference.results ? { results: reference.results } : {});
        await handle.result();
        const file = path.join(OUT_DIR, `${flowId}.json`);
        await writeFile(file, `${historyToJsonText(await handle.fetchHistory())}\n`);
        console.log(`${flowId}: ${path.relative(process.cwd(), file)}`);
      }
    });
  } finally {
    await connection.close();
    await workerConnection.close();
    await systems.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
