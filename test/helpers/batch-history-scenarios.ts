/**
 * The batch workflows `npm run histories:record` records next to the cases' histories, under the workflow type's
 * name: test/histories/<release>/<workflow type>/<scenario>.json (`.run-<n>.json` per run). Each starts a few
 * cases, waits until visibility lists them, runs the batch over them a case per run (so that the history shows
 * the selection and outcomes carried through continue-as-new) and waits for its result.
 */
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { calendarPublicationWorkflow } from '../../workflows/calendar-publication-workflow';
import { flowMigrationWorkflow } from '../../workflows/flow-migration-workflow';
import { flowsSelectionQuery } from '../../activities/calendar-revision-activities';
import { selectionQuery } from '../../activities/migration-activities';
import { batchMigrationRequestFor } from '../../api/cases/build-migration';
import { loadFlowCatalog } from '../../config/flow/load-flows';
import type { Flow } from '../../workflows/engine/flow-model';
import { caseInputFor, serviceData } from './case-fixtures';
import { driveUntil, isOpenTask, startCaseWorkflow, stepOf } from './case-driver';
import type { DepartmentSystemsStub } from './department-systems-stub';
import { eventually } from './eventually';
import { RECORDED_FLOWS, required, revisionWithDaysOff } from './history-scenarios';

/** What a batch scenario runs with: the recorder's client, task queue and departmental systems. */
export interface BatchScenarioContext {
  readonly client: Client;
  readonly taskQueue: string;
  readonly systems: DepartmentSystemsStub;
}

/** A started batch: its handle follows continue-as-new and knows its first run. */
interface StartedBatch {
  readonly workflowId: string;
  readonly firstExecutionRunId: string;
  result(): Promise<unknown>;
}

export interface BatchHistoryScenario {
  /** The workflow type: the folder its histories are in. */
  readonly workflowType: 'flowMigrationWorkflow' | 'calendarPublicationWorkflow';
  readonly name: string;
  readonly run: (c: BatchScenarioContext) => Promise<StartedBatch>;
}

const MIGRATION_FLOWS = path.resolve(__dirname, '..', 'fixtures', 'flows', 'migration');
const CASES = 2;

/** Starts `CASES` cases of `flow` and drives each until `until` holds; answers their ids. */
async function startCases(
  c: BatchScenarioContext,
  prefix: string,
  flow: Flow,
  fields: (typeof RECORDED_FLOWS)[string]['fields'],
  until: Parameters<typeof driveUntil>[2],
): Promise<string[]> {
  const caseIds = Array.from({ length: CASES }, (_, n) => `${prefix}-${n + 1}`);
  for (const caseId of caseIds) {
    const input = c.systems.pointAt(await caseInputFor({ ...fields, caseId }, flow));
    const handle = await startCaseWorkflow(c.client, c.taskQueue, input);
    await driveUntil(handle, flow, until);
  }
  return caseIds;
}

/** Waits until the visibility query lists every case of `caseIds`. */
async function listed(client: Client, query: string, caseIds: readonly string[]): Promise<void> {
  await eventually(async () => {
    const found = new Set<string>();
    for await (const execution of client.workflow.list({ query })) found.add(execution.workflowId);
    return caseIds.every((caseId) => found.has(`case-${caseId}`));
  }, `the cases listed by '${query}'`);
}

export const BATCH_HISTORY_SCENARIOS: readonly BatchHistoryScenario[] = [
  {
    workflowType: 'flowMigrationWorkflow',
    name: 'two-cases-migrated',
    run: async (c) => {
      const data = await serviceData();
      const flows = await loadFlowCatalog(MIGRATION_FLOWS, data.validation);
      const recorded = required(RECORDED_FLOWS['fixture.street-litter'], 'recorded migration fixture');
      const flowId = recorded.fields.flowId;
      const v1 = required(flows.get(flowId, 1), `${flowId} version 1`);
      const caseIds = await startCases(c, 'H-batch-migration', v1, recorded.fields, (view) =>
        isOpenTask(stepOf(view, 'handle')),
      );
      await listed(c.client, selectionQuery({ flowId, fromVersion: 1, taskQueue: c.taskQueue }), caseIds);
      const request = batchMigrationRequestFor(
        { ...data, flows },
        flowId,
        { fromVersion: 1, toVersion: 2, stepMapping: { handle: 'clean-up' } },
        { migrationId: 'h-batch', actor: { sub: 'designer-1', role: 'designer' }, now: Date.now() },
      );
      return c.client.workflow.start(flowMigrationWorkflow, {
        taskQueue: c.taskQueue,
        workflowId: 'H-flow-migration-two-cases',
        args: [{ request, options: { casesPerRun: 1 } }],
      });
    },
  },
  {
    workflowType: 'calendarPublicationWorkflow',
    name: 'two-cases-revised',
    run: async (c) => {
      const data = await serviceData();
      const flowId = 'business.startup';
      const recorded = required(RECORDED_FLOWS[flowId], flowId);
      const flow = required(data.flows.get(flowId), flowId);
      const caseIds = await startCases(c, 'H-batch-calendar', flow, recorded.fields, (view) =>
        view.steps.some(isOpenTask),
      );
      await listed(c.client, flowsSelectionQuery({ flowIds: [flowId], taskQueue: c.taskQueue }), caseIds);
      const revision = await revisionWithDaysOff(flow.calendar);
      return c.client.workflow.start(calendarPublicationWorkflow, {
        taskQueue: c.taskQueue,
        workflowId: 'H-calendar-publication-two-cases',
        args: [{ request: { revision, flowIds: [flowId] }, options: { casesPerRun: 1 } }],
      });
    },
  },
];
