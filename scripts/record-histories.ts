/**
 * `npm run histories:record`: records the case histories of the release in package.json's `version` into
 * test/histories/<release>/<flow-id>/<scenario>.json (one file per run, `<scenario>.run-<n>.json`, when a case
 * continued as new): every scenario of test/helpers/history-scenarios.ts on every flow that supports it, then
 * the batch workflows of test/helpers/batch-history-scenarios.ts into <release>/<workflow type>/, on a fresh
 * in-memory dev server. test/workflows/replay.int.test.ts replays the histories of every release against
 * the current workflow code. A release's histories are never recorded again once it has shipped: bump the
 * version for the next release and record; `--replace` re-records the current release while it is unreleased;
 * `--missing` records only the scenarios the current release has no history of yet (new scenarios or flows),
 * keeping those recorded before. `--only <scenario>[,<scenario>…]` records just those scenarios into the
 * release's folder, next to the histories already there, which it never touches (it stops if one of these
 * scenarios is recorded already, unless `--missing` is given too, which skips it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { caseInputFor, flowFromYaml } from '../test/helpers/case-fixtures';
import { startCaseWorkflow } from '../test/helpers/case-driver';
import { historyToJsonText } from '../test/helpers/history-json';
import { startDepartmentSystemsStub } from '../test/helpers/department-systems-stub';
import { refusingLedgerWriter } from '../test/helpers/refusing-ledger-writer';
import { BATCH_HISTORY_SCENARIOS } from '../test/helpers/batch-history-scenarios';
import { HISTORY_SCENARIOS, RECORDED_FLOWS, scenariosFor } from '../test/helpers/history-scenarios';
import {
  CURRENT_RELEASE,
  HISTORIES_DIR,
  historyFileName,
  parseHistoryFileName,
} from '../test/helpers/recorded-histories';
import { createCaseWorker } from '../worker/create-case-worker';
import { startDevServer } from './temporal/dev-server';

/** Writes every run of the workflow from `firstRunId`, following continue-as-new, as `dir/<scenario>…json`. */
async function writeRuns(
  client: Client,
  dir: string,
  scenario: string,
  started: { readonly workflowId: string; readonly firstExecutionRunId: string },
): Promise<void> {
  const histories = [];
  for (let runId: string | undefined = started.firstExecutionRunId; runId !== undefined; ) {
    const history = await client.workflow.getHandle(started.workflowId, runId).fetchHistory();
    histories.push(history);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  await mkdir(dir, { recursive: true });
  for (const [index, history] of histories.entries()) {
    const file = path.join(dir, historyFileName(scenario, index + 1, histories.length));
    await writeFile(file, `${historyToJsonText(history)}\n`);
    console.log(path.relative(process.cwd(), file));
  }
}

/** The scenarios named by `--only a,b`; undefined without the option. */
function onlyScenarios(argv: readonly string[]): Set<string> | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  const names = (argv[at + 1] ?? '').split(',').filter((name) => name !== '');
  if (names.length === 0) throw new Error('--only needs scenario names, e.g. --only happy-path,park');
  const known = new Set([...HISTORY_SCENARIOS, ...BATCH_HISTORY_SCENARIOS].map((scenario) => scenario.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`no such scenario: ${unknown.join(', ')}`);
  return new Set(names);
}

/** Whether a history of `scenario` (any run) is in `dir` already. */
const isRecorded = (dir: string, scenario: string): boolean =>
  existsSync(dir) && readdirSync(dir).some((file) => parseHistoryFileName(file)?.scenario === scenario);

async function main(): Promise<void> {
  const outDir = path.join(HISTORIES_DIR, CURRENT_RELEASE);
  const shown = path.relative(process.cwd(), outDir);
  const only = onlyScenarios(process.argv);
  const missingOnly = process.argv.includes('--missing');
  if (existsSync(outDir) && only === undefined && !missingOnly) {
    if (!process.argv.includes('--replace')) {
      throw new Error(
        `${shown} exists. Histories of a release are kept as recorded: bump "version" in package.json to ` +
          `record the next release, pass --replace to record ${CURRENT_RELEASE} again while it is unreleased, or ` +
          `--missing to add the scenarios it lacks.`,
      );
    }
    await rm(outDir, { recursive: true });
  }
  const chosen = <S extends { readonly name: string }>(dir: string, scenarios: readonly S[]): S[] => {
    const named = scenarios.filter((scenario) => only?.has(scenario.name) ?? true);
    const again = named.filter((scenario) => isRecorded(path.join(outDir, dir), scenario.name));
    if (missingOnly) return named.filter((scenario) => !again.includes(scenario));
    if (again.length > 0) {
      throw new Error(
        `${shown}/${dir} holds ${again.map((s) => s.name).join(', ')} already: --only adds scenarios, it ` +
          `never records one again`,
      );
    }
    return named;
  };
  const plan = await Promise.all(
    Object.entries(RECORDED_FLOWS).map(async ([flowId, recorded]) => {
      const given = recorded.yaml === undefined ? undefined : await flowFromYaml(recorded.yaml);
      const flow = given ?? (await caseInputFor(recorded.fields)).flow;
      return { flowId, recorded, flow, given, scenarios: chosen(flowId, scenariosFor(flow, recorded)) };
    }),
  );
  const batches = BATCH_HISTORY_SCENARIOS.filter((batch) => chosen(batch.workflowType, [batch]).length > 0);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const server = await startDevServer({ log: () => undefined });
  const systems = await startDepartmentSystemsStub();
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: server.namespace });
  const taskQueue = 'record-histories';
  // No database: writes are acknowledged unwritten, except those a scenario has refused.
  const ledger = refusingLedgerWriter();
  const { worker, connection: workerConnection } = await createCaseWorker({
    temporal: { connectionOptions: { address: server.address }, namespace: server.namespace },
    taskQueue,
    activityDependencies: { env: {}, ledger },
  });
  try {
    await worker.runUntil(async () => {
      for (const { flowId, recorded, flow, given, scenarios } of plan) {
        for (const scenario of scenarios) {
          const caseId = `H-${flowId}-${scenario.name}`;
          const input = systems.pointAt(await caseInputFor({ ...recorded.fields, caseId }, given));
          const handle = await scenario.run({
            client,
            caseId,
            flow,
            recorded,
            systems,
            ledger,
            start: () => startCaseWorkflow(client, taskQueue, input, scenario.options),
          });
          await handle.result();
          await writeRuns(client, path.join(outDir, flowId), scenario.name, handle);
        }
      }
      for (const batch of batches) {
        const handle = await batch.run({ client, taskQueue, systems });
        await handle.result();
        await writeRuns(client, path.join(outDir, batch.workflowType), batch.name, handle);
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
