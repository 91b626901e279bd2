/**
 * What Temporal tells of a case workflow closed outside the engine, read through a client: the worker's closure
 * reconciler, the API and the CLI record closures (ledger/closures/record-closure.ts) over this one source.
 */
import type { Client } from '@temporalio/client';
import type { ClosureSource } from '../ledger';
import { readExecutionClosure } from './close-event';
import { readFirstBatch } from './first-batch';

export function temporalClosureSource(client: Client): ClosureSource {
  return {
    closure: (caseId) => readExecutionClosure(client, caseId),
    firstBatch: (caseId) => readFirstBatch(client, caseId),
  };
}
