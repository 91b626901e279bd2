/**
 * What replaying a case's history costs the worker, as it does for every case that is not in its workflow cache
 * when the case is next touched (after a restart, or once evicted): each recorded history of the current release
 * (test/histories/<release>/, the reference flows' scenarios) replayed on its own through the bench's bundle of
 * the case workflows, in one replay worker, after a warm-up round. Per flow: the histories' events, size and
 * workflow tasks, and the replay's time, also per workflow task replayed (a task is one transition of the case:
 * an Update, a timer, a signal, an activity's result).
 */
import { performance } from 'node:perf_hooks';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import {
  CURRENT_RELEASE,
  listRecordedHistories,
  readRecordedHistory,
} from '../../../test/helpers/recorded-histories';
import { LEDGER_SINKS_ON_REPLAY } from '../../../worker/ledger-sink';
import type { BenchPart } from '../bench-part';
import { spread } from '../report/stats';
import { markdownTable, num } from '../report/table';

const ROUNDS = 3;
const TASK_COMPLETED = temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;

type History = temporal.api.history.v1.IHistory;

interface ReplayedHistory {
  readonly name: string;
  readonly flowId: string;
  readonly events: number;
  readonly kilobytes: number;
  readonly workflowTasks: number;
  /** Replay time per measured round, ms. */
  readonly ms: number[];
}

/** Keeps the replay workers' state changes out of the report (unless another part already made the runtime). */
function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed: its logger stays
  }
}

/** Replays each history once, one after the other in one replay worker; each one's time, ms. */
async function replayEach(codePath: string, histories: readonly History[]): Promise<number[]> {
  const times: number[] = [];
  let started = 0;
  function* timed() {
    for (const [index, history] of histories.entries()) {
      started = performance.now();
      yield { history, workflowId: `replay-${index}` };
    }
  }
  const replays = Worker.runReplayHistories(
    { workflowBundle: { codePath }, replayName: 'bench-replay', sinks: LEDGER_SINKS_ON_REPLAY },
    timed(),
  );
  for await (const { workflowId, error } of replays) {
    times.push(performance.now() - started);
    if (error) throw new Error(`${workflowId} did not replay: ${error.message}`);
  }
  return times;
}

function table(replayed: readonly ReplayedHistory[]): string {
  const flows = [...new Set(replayed.map((history) => history.flowId))];
  const rows = flows.map((flowId) => {
    const ofFlow = replayed.filter((history) => history.flowId === flowId);
    const sum = (pick: (history: ReplayedHistory) => number) =>
      ofFlow.reduce((total, history) => total + pick(history), 0);
    const median = (history: ReplayedHistory) => spread([...history.ms].sort((a, b) => a - b)).p50;
    const perTask = ofFlow.map((history) => median(history) / history.workflowTasks).sort((a, b) => a - b);
    const longest = ofFlow.reduce((a, b) => (b.events > a.events ? b : a));
    return [
      flowId,
      num(ofFlow.length),
      `${num(longest.events)} / ${num(longest.kilobytes)} / ${num(longest.workflowTasks)}`,
      num(median(longest)),
      num(sum(median) / sum((history) => history.workflowTasks), 1),
      `${num(perTask[0]!, 1)}–${num(perTask.at(-1)!, 1)}`,
    ];
  });
  return markdownTable(
    [
      `recorded histories (${CURRENT_RELEASE})`,
      'histories',
      'longest: events / KB / workflow tasks',
      'its replay ms',
      'replay ms per workflow task',
      'per task, range over histories',
    ],
    rows,
  );
}

export const restartReplayPart: BenchPart = {
  name: 'replay',
  summary: 'replaying a case history (a case not in the cache): time per history and per workflow task',
  async run(session) {
    quietRuntime();
    const [{ fullcycle }, files] = await Promise.all([session.bundles(), listRecordedHistories()]);
    const current = files.filter((file) => file.release === CURRENT_RELEASE);
    const histories = await Promise.all(current.map((file) => readRecordedHistory(file.name)));
    const replayed: ReplayedHistory[] = current.map((file, index) => {
      const history = histories[index]!;
      const events = history.events ?? [];
      return {
        name: file.name,
        flowId: file.flowId,
        events: events.length,
        kilobytes: temporal.api.history.v1.History.encode(history).finish().length / 1024,
        workflowTasks: events.filter((event) => event.eventType === TASK_COMPLETED).length,
        ms: [],
      };
    });
    await replayEach(fullcycle, histories);
    for (let round = 0; round < ROUNDS; round++) {
      const times = await replayEach(fullcycle, histories);
      times.forEach((ms, index) => replayed[index]!.ms.push(ms));
    }
    console.log(table(replayed));
    console.log(`results: ${await session.save('replay', replayed)}`);
  },
};
