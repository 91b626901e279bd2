/**
 * A batch migration as a durable workflow (docs/migration.md, "Every case of a version"): selects the running
 * cases of a flow version (and region) once, then migrates them a few at a time (case-batch.ts), each through its
 * own `migrate` Update with an update id of its own, and records each case's outcome. Survives worker restarts
 * like any workflow; continues as new every few hundred cases, carrying the selection and the outcomes; the
 * progress is a Query.
 */
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { MigrationActivities } from '../activities/migration-activities';
import {
  batchProgress,
  caseMigrationRequest,
  type BatchMigrationProgress,
  type CaseMigrationOutcome,
  type SelectedCase,
} from './engine/migration/batch-migration';
import { batchCursor, runCaseBatch } from './case-batch';
import { flowMigrationProgressQuery, type FlowMigrationInput } from './flow-migration-messages';

const { selectCasesToMigrate } = proxyActivities<MigrationActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 10 },
});
const { migrateOneCase } = proxyActivities<MigrationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/** Runs one batch migration to its end; returns its final progress. */
export async function flowMigrationWorkflow(input: FlowMigrationInput): Promise<BatchMigrationProgress> {
  const { request } = input;
  const cursor = batchCursor(input.carried);
  setHandler(flowMigrationProgressQuery, () => batchProgress(request, cursor.selected, cursor.outcomes));
  await runCaseBatch<CaseMigrationOutcome>(cursor, {
    select: () =>
      selectCasesToMigrate({
        flowId: request.flowId,
        fromVersion: request.fromVersion,
        ...(request.region !== undefined ? { region: request.region } : {}),
        taskQueue: workflowInfo().taskQueue,
      }),
    each: (one) => migrateCase(input, one),
    failed: (caseId, reason) => ({ caseId, outcome: 'failed', reason }),
    continueAsNew: (carried) => continueAsNew<typeof flowMigrationWorkflow>({ ...input, carried }),
    ...(input.options?.casesPerRun !== undefined ? { casesPerRun: input.options.casesPerRun } : {}),
  });
  return batchProgress(request, cursor.selected, cursor.outcomes);
}

/** One case: refused at once when its region cannot resolve the target's assignees, else its Update (or plan). */
async function migrateCase(input: FlowMigrationInput, selected: SelectedCase): Promise<CaseMigrationOutcome> {
  const { request } = input;
  const migration = caseMigrationRequest(request, selected);
  if ('refused' in migration)
    return { caseId: selected.caseId, outcome: 'refused', errors: [migration.refused] };
  return migrateOneCase({
    caseId: selected.caseId,
    payload: { ...migration, actor: request.actor },
    updateId: `migrate:${request.migrationId}:${selected.caseId}`,
    dryRun: request.dryRun,
  });
}
