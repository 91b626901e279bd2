/**
 * Runs an action's Update on a case the route has already read and authorized. A closed or cancelled case has
 * no running workflow: a new action there is a 409, while a repeat (same Update id) still gets its recorded
 * outcome when Temporal keeps it.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { CaseView } from '../../workflows/engine/case/case-view';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { ActionPayload, ActionResult } from '../../workflows/messages';
import { ConflictProblemError } from '../problems';
import type { RouteDependencies } from './route-context';

/** The case view after the action; 409 when the case has ended and the action is not a known repeat. */
export async function actOnCase<K extends CaseActionType>(
  deps: RouteDependencies,
  view: CaseView,
  type: K,
  payload: ActionPayload<K>,
  updateId: string | undefined,
): Promise<ActionResult<K>> {
  const ended = view.status === 'closed' || view.status === 'cancelled';
  const closed = () =>
    new ConflictProblemError(`Case '${view.caseId}' is ${view.status}`, { slug: 'case-closed' });
  if (ended && updateId === undefined) throw closed();
  try {
    return await deps.gateway.act(view.caseId, type, payload, updateId);
  } catch (error) {
    if (ended && error instanceof WorkflowNotFoundError) throw closed();
    throw error;
  }
}
