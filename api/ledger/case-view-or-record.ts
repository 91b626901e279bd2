/**
 * The case view a route reads: the workflow's own answer while Temporal runs the case or keeps it closed by the
 * engine, else the ledger's record: when Temporal has forgotten the case (retention), and when its workflow was
 * closed outside the engine (terminated, timed out, failed), whose Query Temporal refuses (the gateway asks with
 * `NOT_COMPLETED_CLEANLY`: replayed, it would show the case as it stood, still open) and whose end the ledger
 * records (docs/ledger.md, "Closed outside the engine").
 */
import { QueryRejectedError, WorkflowNotFoundError } from '@temporalio/client';
import { caseViewOfRecord, readCaseRecord, type CaseRecord } from '../../ledger';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { JsonAnswer } from '../cases/json-answer';
import { recordClosureOnSight } from './closure-on-sight';
import type { RouteDependencies } from '../routes/route-context';

/** The view, and the ledger's record when the view was built from it; the gateway's error when neither has it. */
export async function viewOrRecord(
  deps: RouteDependencies,
  caseId: string,
): Promise<{ view: JsonAnswer<CaseView>; record?: CaseRecord }> {
  try {
    return { view: await deps.gateway.view(caseId) };
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError || error instanceof QueryRejectedError)) throw error;
    if (error instanceof QueryRejectedError) await recordClosureOnSight(deps, caseId);
    const record = await readCaseRecord(deps.ledger, caseId);
    if (record === undefined) throw error;
    return { view: JsonAnswer.ofValue(caseViewOfRecord(record.snapshot, false, deps.now())), record };
  }
}
