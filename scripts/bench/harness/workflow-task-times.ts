/**
 * How long the workflow tasks of some workflows took, read from their histories: each WorkflowTaskStarted to
 * its WorkflowTaskCompleted (the worker's time on the task, replay included), and the tasks that timed out or
 * failed (a worker that died holding them); and how many events the histories hold in all (what each case asks
 * the server to write), of them how many search attribute upserts (each one a visibility write on the server), and
 * per event type how many and how many bytes (each event as the server stores it, protobuf-encoded).
 */
import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;
const PARALLEL_FETCHES = 8;

export interface WorkflowTaskTimes {
  /** Durations of the completed workflow tasks, ms, ascending. */
  readonly durationsMs: readonly number[];
  readonly timedOut: number;
  readonly failed: number;
  /** Events in all the histories together. */
  readonly historyEvents: number;
  /** Search attribute upserts among them (the SDK's own for patch markers included). */
  readonly searchAttributeUpserts: number;
  /** Bytes of all the histories' events together, protobuf-encoded. */
  readonly historyBytes: number;
  /** Per event type (`WORKFLOW_TASK_STARTED` …): how many events and their bytes, over all the histories. */
  readonly byEventType: Readonly<Record<string, { readonly events: number; readonly bytes: number }>>;
  /** The longest task and whose it was. */
  readonly longest?: { readonly workflowId: string; readonly ms: number; readonly historyEvents: number };
  /**
   * With `firstAfter`: per workflow that had one, its first task started at or after that instant (after a
   * worker restart: the task that replayed the history on the new worker), ms, ascending.
   */
  readonly firstAfterMs: readonly number[];
}

export async function workflowTaskTimes(
  client: Client,
  workflowIds: readonly string[],
  firstAfter?: number,
): Promise<WorkflowTaskTimes> {
  const durations: number[] = [];
  const firstAfterMs: number[] = [];
  let timedOut = 0;
  let failed = 0;
  let historyEvents = 0;
  let searchAttributeUpserts = 0;
  let historyBytes = 0;
  const byEventType: Record<string, { events: number; bytes: number }> = {};
  let longest: WorkflowTaskTimes['longest'];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < workflowIds.length) {
      const workflowId = workflowIds[next++]!;
      const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
      historyEvents += events.length;
      let startedAt: number | undefined;
      let seenAfter = false;
      for (const event of events) {
        const bytes = temporal.api.history.v1.HistoryEvent.encode(event).finish().length;
        const type = EventType[event.eventType ?? 0]?.replace(/^EVENT_TYPE_/, '') ?? String(event.eventType);
        const ofType = (byEventType[type] ??= { events: 0, bytes: 0 });
        ofType.events += 1;
        ofType.bytes += bytes;
        historyBytes += bytes;
        const at = tsToMs(event.eventTime);
        if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) startedAt = at;
        else if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) timedOut += 1;
        else if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) failed += 1;
        else if (event.eventType === EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) {
          searchAttributeUpserts += 1;
        } else if (
          event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED &&
          startedAt !== undefined
        ) {
          const ms = at - startedAt;
          durations.push(ms);
          if (firstAfter !== undefined && !seenAfter && startedAt >= firstAfter) {
            seenAfter = true;
            firstAfterMs.push(ms);
          }
          if (longest === undefined || ms > longest.ms)
            longest = { workflowId, ms, historyEvents: events.length };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FETCHES }, lane));
  return {
    durationsMs: durations.sort((a, b) => a - b),
    timedOut,
    failed,
    historyEvents,
    searchAttributeUpserts,
    historyBytes,
    byEventType,
    firstAfterMs: firstAfterMs.sort((a, b) => a - b),
    ...(longest === undefined ? {} : { longest }),
  };
}
