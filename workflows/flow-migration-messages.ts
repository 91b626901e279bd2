/**
 * The flow migration workflow's input and Query (docs/migration.md, "Every case of a version"): the API starts
 * it and reads its progress; the case workflow's own messages are in messages.ts.
 */
import { defineQuery } from '@temporalio/workflow';
import type { CarriedBatch } from './engine/batch/case-batch';
import type {
  BatchMigrationProgress,
  BatchMigrationRequest,
  CaseMigrationOutcome,
} from './engine/migration/batch-migration';

/** A batch's start, or its continuation (continue-as-new) with what it has done so far. */
export interface FlowMigrationInput {
  readonly request: BatchMigrationRequest;
  /** Present after continue-as-new: the cases selected and the outcomes recorded before. */
  readonly carried?: CarriedBatch<CaseMigrationOutcome>;
  readonly options?: {
    /** Cases per run before continuing as new (default 200; tests lower it). */
    readonly casesPerRun?: number;
  };
}

export const flowMigrationProgressQuery = defineQuery<BatchMigrationProgress>('flowMigrationProgress');

/** Workflow id of a batch migration. */
export function flowMigrationWorkflowId(migrationId: string): string {
  return `flow-migration-${migrationId}`;
}
