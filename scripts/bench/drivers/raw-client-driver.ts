/**
 * Drives a raw baseline case through the Temporal client: start, then per level one Query of the state and an
 * Update per active task, in parallel, with an update id (the counterpart of the Idempotency-Key).
 */
import type { Client } from '@temporalio/client';
import { BENCH_RESULT, type BenchPlan } from '../harness/bench-plan';
import { completeTaskUpdate, rawCaseStateQuery, type RawCaseState } from '../raw/raw-case-messages';
import type { rawCaseWorkflow } from '../raw/raw-case-workflow';
import { idList, levelledDriver, timed } from './levelled-driver';
import type { CaseDriver, LoadRecorder } from './load-runner';

export interface RawClientDriverOptions {
  readonly client: Client;
  readonly taskQueue: string;
  /** Prefix of the workflow ids, unique per run. */
  readonly runId: string;
  readonly plan: BenchPlan;
}

/** Runs `call`; a failure is recorded by its type (the Update's failure type when there is one) and rethrown. */
async function recorded<T>(call: () => Promise<T>, record: LoadRecorder): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = (error as { cause?: { type?: string } }).cause;
    record.error(cause?.type ?? (error instanceof Error ? error.name : 'error'));
    throw error;
  }
}

export function createRawClientDriver(options: RawClientDriverOptions): CaseDriver {
  const { client, plan } = options;
  const read = (id: string, record: LoadRecorder) =>
    recorded(() => client.workflow.getHandle<typeof rawCaseWorkflow>(id).query(rawCaseStateQuery), record);
  return levelledDriver<RawCaseState>(plan, {
    caseIdOf: (index) => `${options.runId}-${index}`,
    workflowIdOf: (id) => id,
    async start(id, record) {
      const start = () =>
        client.workflow.start<typeof rawCaseWorkflow>('rawCaseWorkflow', {
          taskQueue: options.taskQueue,
          workflowId: id,
          args: [{ caseId: id, levels: plan.levels }],
        });
      await recorded(start, record);
    },
    read,
    async completeLevel(id, level, record) {
      const handle = client.workflow.getHandle<typeof rawCaseWorkflow>(id);
      const state = await timed(() => read(id, record), record.read);
      const active = state.tasks.filter((task) => task.status === 'active');
      if (idList(active) !== idList(level))
        throw new Error(`${id}: active ${idList(active)}, planned ${idList(level)}`);
      return Promise.all(
        active.map((task) => {
          const complete = () =>
            handle.executeUpdate(completeTaskUpdate, {
              args: [{ taskId: task.id, department: task.department, result: BENCH_RESULT }],
              updateId: `${id}:${task.id}`,
            });
          return timed(() => recorded(complete, record), record.completion);
        }),
      );
    },
    closed: (state) => state.tasks.every((task) => task.status === 'completed'),
  });
}
