/** What a case's history shows of the shell's timer and search attribute commands (engine revision 4). */
import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

/** The key the SDK upserts with each patch marker; not one of the case's search attributes. */
const CHANGE_VERSION = 'TemporalChangeVersion';

export interface ShellCommands {
  readonly timersStarted: number;
  readonly timersCanceled: number;
  /** Per upsert of the case's search attributes, the keys it carried, sorted. */
  readonly upsertedKeys: readonly (readonly string[])[];
  /** The most upserts of the case's search attributes one workflow task issued. */
  readonly mostUpsertsInOneTask: number;
}

export function shellCommandsOf(events: readonly HistoryEvent[]): ShellCommands {
  const count = (type: temporal.api.enums.v1.EventType): number =>
    events.filter((e) => e.eventType === type).length;
  const keysOf = (e: HistoryEvent): string[] =>
    Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {})
      .filter((key) => key !== CHANGE_VERSION)
      .sort();
  const upsertedKeys = events.map(keysOf).filter((keys) => keys.length > 0);
  // A workflow task's commands follow its WORKFLOW_TASK_COMPLETED event.
  const perTask = [0];
  for (const e of events) {
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) perTask.push(0);
    else if (keysOf(e).length > 0) perTask[perTask.length - 1]! += 1;
  }
  return {
    timersStarted: count(EventType.EVENT_TYPE_TIMER_STARTED),
    timersCanceled: count(EventType.EVENT_TYPE_TIMER_CANCELED),
    upsertedKeys,
    mostUpsertsInOneTask: Math.max(...perTask),
  };
}
