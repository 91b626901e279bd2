/**
 * Messages of the raw Temporal baseline (issue 8): one Update per department task completion, validated, and one
 * Query of the case state. Bench code, bundled separately from `workflows/`.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** One task of the baseline: who must complete it and where it stands. */
export interface RawTask {
  readonly id: string;
  readonly department: string;
  status: 'pending' | 'active' | 'completed';
  activatedAt?: number;
  completedAt?: number;
  /** Set when the task's 5-day timer fired before it was completed. */
  overdue?: boolean;
  result?: Readonly<Record<string, unknown>>;
}

/** The baseline case: the tasks level by level (every task of a level runs in parallel). */
export interface RawCaseInput {
  readonly caseId: string;
  readonly levels: readonly (readonly { readonly id: string; readonly department: string }[])[];
}

export interface RawCaseState {
  readonly caseId: string;
  readonly status: 'open' | 'closed';
  readonly tasks: readonly RawTask[];
}

export interface CompleteTaskRequest {
  readonly taskId: string;
  readonly department: string;
  readonly result: Readonly<Record<string, unknown>>;
}

export const completeTaskUpdate = defineUpdate<RawCaseState, [CompleteTaskRequest]>('completeTask');
export const rawCaseStateQuery = defineQuery<RawCaseState>('rawCaseState');
