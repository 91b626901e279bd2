/**
 * How Temporal closed a case's workflow, from its close event: the event read as an `ExecutionClosure` (pure), and
 * the event itself fetched alone (`HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT`: one call whatever the history's length).
 */
import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import type { ExecutionClosure } from '../ledger';
import { caseWorkflowId } from '../workflows/messages';

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/**
 * The closure the workflow's close event records, or undefined when the event does not close the case: completed
 * (the engine closed or cancelled it and wrote so itself), continued as new, or a failure or timeout after which
 * Temporal starts a new run (`newExecutionRunId`).
 */
export function closureOfCloseEvent(
  event: temporal.api.history.v1.IHistoryEvent | undefined,
): ExecutionClosure | undefined {
  const at = optionalTsToMs(event?.eventTime);
  if (event === undefined || at === undefined) return undefined;
  const terminated = event.workflowExecutionTerminatedEventAttributes;
  if (terminated) {
    const reason = text(terminated.reason);
    const identity = text(terminated.identity);
    return {
      kind: 'terminated',
      at,
      ...(reason === undefined ? {} : { reason }),
      ...(identity === undefined ? {} : { identity }),
    };
  }
  const timedOut = event.workflowExecutionTimedOutEventAttributes;
  if (timedOut) return text(timedOut.newExecutionRunId) ? undefined : { kind: 'timed-out', at };
  const failed = event.workflowExecutionFailedEventAttributes;
  if (failed) {
    if (text(failed.newExecutionRunId)) return undefined;
    const reason = text(failed.failure?.message);
    return { kind: 'failed', at, ...(reason === undefined ? {} : { reason }) };
  }
  if (event.workflowExecutionCanceledEventAttributes) return { kind: 'cancelled', at };
  return undefined;
}

/** The closure outside the engine of the case's workflow; undefined when it is running or closed by the engine. */
export async function readExecutionClosure(
  client: Client,
  caseId: string,
): Promise<ExecutionClosure | undefined> {
  const response = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId: caseWorkflowId(caseId) },
    historyEventFilterType:
      temporal.api.enums.v1.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT,
  });
  return closureOfCloseEvent(response.history?.events?.at(-1) ?? undefined);
}
