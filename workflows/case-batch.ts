/**
 * The loop every batch over running cases runs (a flow migration, a calendar publication): select the cases once,
 * then call each a few at a time, recording its outcome; continue as new every few hundred cases carrying the
 * selection and the outcomes. The batch's own workflow says how to select, how to call one case, and answers its
 * progress from the cursor.
 */
import { ActivityFailure, workflowInfo } from '@temporalio/workflow';
import type { CarriedBatch, SelectedCase } from './engine/batch/case-batch';

/** Cases called at the same time. */
const CONCURRENCY = 8;
/** Cases per run before continuing as new (each call's payload goes into history). */
export const CASES_PER_RUN = 200;

/** Where a batch stands: what the progress Query reads while the batch runs. */
export interface BatchCursor<O> {
  selected: readonly SelectedCase[] | undefined;
  readonly outcomes: O[];
}

/** How one batch works. */
export interface BatchSteps<O> {
  readonly select: () => Promise<SelectedCase[]>;
  readonly each: (selected: SelectedCase) => Promise<O>;
  /** The outcome of a case whose call failed for good (after its retries). */
  readonly failed: (caseId: string, reason: string) => O;
  readonly continueAsNew: (carried: CarriedBatch<O>) => Promise<never>;
  readonly casesPerRun?: number;
}

/** A cursor at the start of a run: where the previous run left off, or nothing yet. */
export function batchCursor<O>(carried: CarriedBatch<O> | undefined): BatchCursor<O> {
  return { selected: carried?.selected, outcomes: [...(carried?.outcomes ?? [])] };
}

/** Runs the batch to its end (or to continue-as-new), recording each case's outcome in `cursor`. */
export async function runCaseBatch<O>(cursor: BatchCursor<O>, steps: BatchSteps<O>): Promise<void> {
  const selected = cursor.selected ?? (await steps.select());
  cursor.selected = selected;
  const { outcomes } = cursor;
  const startedAt = outcomes.length;
  const perRun = steps.casesPerRun ?? CASES_PER_RUN;
  while (outcomes.length < selected.length) {
    if (outcomes.length - startedAt >= perRun || workflowInfo().continueAsNewSuggested) {
      await steps.continueAsNew({ selected, outcomes });
    }
    const chunk = selected.slice(outcomes.length, outcomes.length + Math.min(CONCURRENCY, perRun));
    outcomes.push(...(await Promise.all(chunk.map((one) => callOne(steps, one)))));
  }
}

/** One case's outcome; a case that could not be reached, after the activity's retries, has failed. */
async function callOne<O>(steps: BatchSteps<O>, selected: SelectedCase): Promise<O> {
  try {
    return await steps.each(selected);
  } catch (error) {
    const cause = error instanceof ActivityFailure ? (error.cause ?? error) : error;
    return steps.failed(selected.caseId, cause instanceof Error ? cause.message : String(cause));
  }
}
