/**
 * A batch migration as a durable workflow (docs/migration.md, "Every case of a version"): selects the running
 * cases of a flow version (and region) once, then migrates them a few at a time, each through its own `migrate`
 * Update with an update id of its own, and records each case's outcome. Survives worker restarts like any
 * workflow; continues as new every few hundred cases, carrying the selection and the outcomes; the progress is
 * a Query.
 */
import {
  ActivityFailure,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { MigrationActivities } from '../activities/migration-activities';
import {
  batchProgress,
  caseMigrationRequest,
  type BatchMigrationProgress,
  type CaseMigrationOutcome,
  type SelectedCase,
} from './engine/migration/batch-migration';
import { flowMigrationProgressQuery, type FlowMigrationInput } from './flow-migration-messages';

/** Cases migrated at the same time. */
const CONCURRENCY = 8;
/** Cases per run before continuing as new (each Update's payload carries the target flow into history). */
const CASES_PER_RUN = 200;

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
  let selected: readonly SelectedCase[] | undefined = input.carried?.selected;
  const outcomes: CaseMigrationOutcome[] = [...(input.carried?.outcomes ?? [])];
  setHandler(flowMigrationProgressQuery, () => batchProgress(request, selected, outcomes));

  selected ??= await selectCasesToMigrate({
    flowId: request.flowId,
    fromVersion: request.fromVersion,
    ...(request.region !== undefined ? { region: request.region } : {}),
    taskQueue: workflowInfo().taskQueue,
  });
  const startedAt = outcomes.length;
  const perRun = input.options?.casesPerRun ?? CASES_PER_RUN;
  while (outcomes.length < selected.length) {
    if (outcomes.length - startedAt >= perRun || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof flowMigrationWorkflow>({ ...input, carried: { selected, outcomes } });
    }
    const chunk = selected.slice(outcomes.length, outcomes.length + Math.min(CONCURRENCY, perRun));
    outcomes.push(...(await Promise.all(chunk.map((one) => migrateCase(input, one)))));
  }
  return batchProgress(request, selected, outcomes);
}

/** One case's outcome; a case Temporal could not be reached for, after the retries, is `failed`. */
async function migrateCase(input: FlowMigrationInput, selected: SelectedCase): Promise<CaseMigrationOutcome> {
  const { request } = input;
  const migration = caseMigrationRequest(request, selected);
  if ('refused' in migration)
    return { caseId: selected.caseId, outcome: 'refused', errors: [migration.refused] };
  try {
    return await migrateOneCase({
      caseId: selected.caseId,
      payload: { ...migration, actor: request.actor },
      updateId: `migrate:${request.migrationId}:${selected.caseId}`,
      dryRun: request.dryRun,
    });
  } catch (error) {
    const cause = error instanceof ActivityFailure ? (error.cause ?? error) : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { caseId: selected.caseId, outcome: 'failed', reason };
  }
}
