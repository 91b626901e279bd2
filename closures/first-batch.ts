/**
 * The ledger batch of a case as its workflow started it, from the workflow's start input (the first event of its
 * history), for a case closed outside the engine before its first ledger write: the engine's own start of the case
 * at the instant the API pinned (as the API answers a new case's view, api/cases/case-start.ts), or the state a
 * continued run started from.
 */
import type { Client } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { CURRENT_ENGINE_REVISION, startCase, type CaseState } from '../workflows/engine/case';
import { ledgerBatch, type LedgerBatch } from '../workflows/engine/case/ledger-snapshot';
import { caseWorkflowId, type CaseWorkflowInput } from '../workflows/messages';

/** The batch of the case as `input` starts it; `eventTime` (epoch ms) is the start for inputs without `startedAt`. */
export function firstBatchOfInput(input: CaseWorkflowInput, eventTime: number): LedgerBatch {
  if (input.kind === 'continued') return ledgerBatch(input.state as CaseState, 0);
  const { state } = startCase(input.case, input.startedAt ?? eventTime, CURRENT_ENGINE_REVISION);
  return ledgerBatch(state, 0);
}

/**
 * The batch of the case as its workflow's current run started; undefined when Temporal has no such workflow or the
 * engine cannot start a case from its input (one such case must not stop a reconciler's pass).
 */
export async function readFirstBatch(client: Client, caseId: string): Promise<LedgerBatch | undefined> {
  const response = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId: caseWorkflowId(caseId) },
    maximumPageSize: 1,
  });
  const first = response.history?.events?.[0];
  const started = first?.workflowExecutionStartedEventAttributes;
  const at = optionalTsToMs(first?.eventTime);
  if (!started || at === undefined) return undefined;
  try {
    const input = await decodeFromPayloadsAtIndex<CaseWorkflowInput>(
      client.options.loadedDataConverter,
      0,
      started.input?.payloads,
    );
    return firstBatchOfInput(input, at);
  } catch {
    return undefined;
  }
}
