/**
 * The raw Temporal baseline of the side-by-side benchmark (issue 8): the same eight department tasks as
 * `bench.eight-tasks`, level by level, each an Update with a validator (task active, the caller's department, a
 * boolean `done` in the result) racing a 5-day timer, and a Query of the state. No engine, no deadlines on a
 * working calendar, no search attributes or memo: what Temporal itself costs for the same conversation.
 */
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import {
  completeTaskUpdate,
  rawCaseStateQuery,
  type RawCaseInput,
  type RawCaseState,
  type RawTask,
} from './raw-case-messages';

const TASK_LIMIT = '5 days';

export async function rawCaseWorkflow(input: RawCaseInput): Promise<RawCaseState> {
  const tasks: RawTask[] = input.levels.flat().map((task) => ({ ...task, status: 'pending' }));
  let status: RawCaseState['status'] = 'open';
  const snapshot = (): RawCaseState => ({ caseId: input.caseId, status, tasks });
  const taskOf = (id: string): RawTask | undefined => tasks.find((task) => task.id === id);

  setHandler(
    completeTaskUpdate,
    ({ taskId, result }) => {
      const task = taskOf(taskId)!;
      task.status = 'completed';
      task.completedAt = Date.now();
      task.result = result;
      return snapshot();
    },
    {
      validator: ({ taskId, department, result }) => {
        const task = taskOf(taskId);
        if (task === undefined) throw refusal('StepNotFoundError', `No task ${taskId}`);
        if (task.status !== 'active') throw refusal('StepNotActiveError', `Task ${taskId} is ${task.status}`);
        if (task.department !== department) {
          throw refusal('StepNotAssignedError', `Task ${taskId} belongs to ${task.department}`);
        }
        if (typeof result.done !== 'boolean')
          throw refusal('ResultInvalidError', 'result.done must be a boolean');
      },
    },
  );
  setHandler(rawCaseStateQuery, snapshot);

  for (const level of input.levels) {
    await Promise.all(level.map(({ id }) => runTask(taskOf(id)!)));
  }
  status = 'closed';
  return snapshot();
}

/** Activates the task and waits for its completion, marking it overdue when the 5-day timer wins the race. */
async function runTask(task: RawTask): Promise<void> {
  task.status = 'active';
  task.activatedAt = Date.now();
  const completed = () => task.status === 'completed';
  if (!(await condition(completed, TASK_LIMIT))) {
    task.overdue = true;
    await condition(completed);
  }
}

function refusal(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
