/**
 * The case view a route reads: the workflow's own answer while Temporal runs the case or keeps it closed by the
 * engine, else the ledger's record: when Temporal has forgotten the case (retention), and when its workflow was
 * closed outside the engine (terminated, timed out, failed), whose Query Temporal refuses (the gateway asks with
 * `NOT_COMPLETED_CLEANLY`: replayed, it would show the case as it stood, still open) and whose end the ledger
 * records (docs/ledger.md, "Closed outside the engine"). A read (not an action) also takes the record when no
 * worker answers the Query in time (CASE_READ_QUERY_TIMEOUT_MS) or Temporal cannot be reached: the worker's sink
 * writes the record before each Update answers, so while no worker runs the case nothing can have moved it since
 * (docs/api.md, "Answered from the ledger").
 */
import { QueryRejectedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Response } from 'express';
import { caseViewOfRecord, isRecordOverdue, readCaseRecord, type CaseRecord } from '../../ledger';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { formatInstant } from '../../workflows/engine/time';
import { JsonAnswer } from '../cases/json-answer';
import { isDeadlineExceeded, isTemporalBusy, isTemporalUnreachable } from '../problems/temporal-problems';
import { recordClosureOnSight } from './closure-on-sight';
import type { RouteDependencies } from '../routes/route-context';

/** What a caller does when the workflow does not answer: a read takes the record, an action waits for the case. */
export interface ViewReading {
  readonly recordWhenUnanswered: boolean;
}

const ACTION: ViewReading = { recordWhenUnanswered: false };

/** The header naming where an answer came from (only a record's answer carries it), and when the record was written. */
export const SOURCE_HEADER = 'Fullcycle-Source';
export const RECORD_WRITTEN_HEADER = 'Fullcycle-Record-Written-At';

/** Whether the view Query failed for want of an answer (no worker in time, Temporal unreachable or shedding load). */
const isUnanswered = (error: unknown): boolean => isTemporalUnreachable(error) || isTemporalBusy(error);

/** The view, and the ledger's record when the view was built from it; the gateway's error when neither has it. */
export async function viewOrRecord(
  deps: RouteDependencies,
  caseId: string,
  { recordWhenUnanswered }: ViewReading = ACTION,
): Promise<{ view: JsonAnswer<CaseView>; record?: CaseRecord }> {
  try {
    return { view: await deps.gateway.view(caseId, recordWhenUnanswered ? 'deadline' : 'client') };
  } catch (error) {
    const gone = error instanceof WorkflowNotFoundError || error instanceof QueryRejectedError;
    if (!gone && !(recordWhenUnanswered && isUnanswered(error))) throw error;
    if (error instanceof QueryRejectedError) await recordClosureOnSight(deps, caseId);
    const record = await readCaseRecord(deps.ledger, caseId);
    if (record === undefined) {
      // No record yet (the case's first workflow task has not run, e.g. on a loaded worker): only the workflow can
      // answer, so wait for it as long as Temporal's client does, as reads did before the deadline.
      if (!isDeadlineExceeded(error)) throw error;
      return { view: await deps.gateway.view(caseId, 'client') };
    }
    const now = deps.now();
    const view = caseViewOfRecord(record.snapshot, isRecordOverdue(record.snapshot, now), now);
    return { view: JsonAnswer.ofValue(view), record };
  }
}

/**
 * Marks an answer built from the ledger's record: `Fullcycle-Source: ledger` and the instant the ledger last wrote
 * the case, in the case's time zone as every time of a case.
 */
export function markRecordSource(res: Response, record: CaseRecord | undefined): void {
  if (record === undefined) return;
  res.set(SOURCE_HEADER, 'ledger');
  res.set(RECORD_WRITTEN_HEADER, formatInstant(record.writtenAt, record.snapshot.timezone));
}
