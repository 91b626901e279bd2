/**
 * Recording one case's closure outside the engine in the ledger: the one piece of code the worker's reconciler
 * (each pass), the API (an action or a read that meets the closed workflow) and `fullcycle ledger closures` run.
 * What Temporal knows of the case comes through a `ClosureSource` (closures/temporal-closure-source.ts reads it
 * through a Temporal client); what the ledger knows is its row. docs/ledger.md, "Closed outside the engine".
 */
import type { Logger } from 'pino';
import type { LedgerBatch } from '../../workflows/engine/case/ledger-snapshot';
import { writeLedgerBatch } from '../ledger-writer';
import type { Ledger } from '../open-ledger';
import { readCaseRecord } from '../readers/case-record';
import {
  closureBatch,
  isRunningRecord,
  unrecordedClosureBatch,
  type ExecutionClosure,
} from './closure-batch';

/** What Temporal tells of a case's workflow. */
export interface ClosureSource {
  /** How Temporal closed it outside the engine; undefined while it runs or when the engine closed it. */
  closure(caseId: string): Promise<ExecutionClosure | undefined>;
  /** The ledger batch of the case as its workflow started it (its start input); undefined when there is none. */
  firstBatch(caseId: string): Promise<LedgerBatch | undefined>;
}

export interface ClosureRecording {
  readonly ledger: Ledger;
  readonly source: ClosureSource;
  readonly logger: Logger;
}

/**
 * Records the case's closure when Temporal closed its workflow outside the engine and the ledger still shows it
 * running or has no row of it (closed before its first write: the row is made from the workflow's start input).
 * Answers the closure written, undefined when there was nothing to write. Idempotent (ledger/closures/).
 */
export async function recordClosure(
  deps: ClosureRecording,
  caseId: string,
): Promise<ExecutionClosure | undefined> {
  const record = await readCaseRecord(deps.ledger, caseId);
  if (record !== undefined && !isRunningRecord(record.snapshot)) return undefined;
  const closure = await deps.source.closure(caseId);
  if (closure === undefined) return undefined;
  let batch: LedgerBatch;
  if (record !== undefined) {
    batch = closureBatch(record.snapshot, closure);
  } else {
    const first = await deps.source.firstBatch(caseId);
    if (first === undefined) {
      deps.logger.warn(
        { caseId },
        'Case closed outside the engine before its first ledger write: no start input to record it from',
      );
      return undefined;
    }
    batch = unrecordedClosureBatch(first, closure);
  }
  await writeLedgerBatch(deps.ledger, batch);
  deps.logger.info(
    { caseId, closure: closure.kind, by: closure.identity, reason: closure.reason, firstRecord: !record },
    'Case closed outside the engine recorded in the ledger',
  );
  return closure;
}
