/**
 * `npm run histories:record`: records the case histories of the release in package.json's `version` into
 * test/histories/<release>/<flow-id>/<scenario>.json (one file per run, `<scenario>.run-<n>.json`, when a case
 * continued as new): every scenario of test/helpers/history-scenarios.ts on every flow that supports it, on a
 * fresh in-memory dev server. test/workflows/replay.int.test.ts replays the histories of every release against
 * the current workflow code. A release's histories are never recorded again once it has shipped: bump the
 * version for the next release and record; `--replace` re-records the current release while it is unreleased;
 * `--missing` records only the scenarios the current release has no history of yet (new scenarios or flows),
 * keeping those recorded before.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { caseInputFor, flowFromYaml } from '../test/helpers/case-fixtures';
import { startCaseWorkflow } from '../test/helpers/case-driver';
import { historyToJsonText } from '../test/helpers/history-json';
import { startDepartmentSystemsStub } from '../test/helpers/department-systems-stub';
import { RECORDED_FLOWS, scenariosFor } from '../test/helpers/history-scenarios';
import { CURRENT_RELEASE, HISTORIES_DIR, historyFileName } from '../test/helpers/recorded-histories';
import { createCaseWorker } from '../worker/create-case-worker';
import { startDevServer } from './temporal/dev-server';

/** Every run of the workflow from `firstRunId`, following continue-as-new, with its history. */
async function runHistories(client: Client, workflowId: string, firstRunId: string) {
  const histories = [];
  for (let runId: string | undefined = firstRunId; runId !== undefined; ) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    histories.push(history);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return histories;
}

async function main(): Promise<void> {
  const outDir = path.join(HISTORIES_DIR, CURRENT_RELEASE);
  const shown = path.relative(process.cwd(), outDir);
  const missingOnly = process.argv.includes('--missing');
  if (existsSync(outDir) && !missingOnly) {
    if (!process.argv.includes('--replace')) {
      throw new Error(
        `${shown} exists. Histories of a release are kept as recorded: bump "version" in package.json to ` +
          `record the next release, pass --replace to record ${CURRENT_RELEASE} again while it is unreleased, or ` +
          `--missing to add the scenarios it lacks.`,
      );
    }
    await rm(outDir, { recursive: true });
  }
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
    await worker.runUntil(async () => {
      for (const [flowId, recorded] of Object.entries(RECORDED_FLOWS)) {
        const given = recorded.yaml === undefined ? undefined : await flowFromYaml(recorded.yaml);
        const flow = given ?? (await caseInputFor(recorded.fields)).flow;
        await mkdir(path.join(outDir, flowId), { recursive: true });
        for (const scenario of scenariosFor(flow, recorded)) {
          const first = path.join(outDir, flowId, historyFileName(scenario.name, 1, 1));
          const firstOfRuns = path.join(outDir, flowId, historyFileName(scenario.name, 1, 2));
          if (missingOnly && (existsSync(first) || existsSync(firstOfRuns))) continue;
          const caseId = `H-${flowId}-${scenario.name}`;
          const input = systems.pointAt(await caseInputFor({ ...recorded.fields, caseId }, given));
          const handle = await scenario.run({
            client,
            caseId,
            flow,
            recorded,
            systems,
            start: () => startCaseWorkflow(client, taskQueue, input, scenario.options),
          });
          await handle.result();
          const runs = await runHistories(client, handle.workflowId, handle.firstExecutionRunId);
          for (const [index, history] of runs.entries()) {
            const file = path.join(outDir, flowId, historyFileName(scenario.name, index + 1, runs.length));
            await writeFile(file, `${historyToJsonText(history)}\n`);
            console.log(path.relative(process.cwd(), file));
          }
        }
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
