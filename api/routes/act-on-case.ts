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

const hasEnded = (view: CaseView): boolean => view.status === 'closed' || view.status === 'cancelled';
const closed = (view: CaseView) =>
  new ConflictProblemError(`Case '${view.caseId}' is ${view.status}`, { slug: 'case-closed' });

/** 409 when the case has ended (a dry run there has nothing to plan). */
export function assertCaseOpen(view: CaseView): void {
  if (hasEnded(view)) throw closed(view);
}

/** The action's answer (ActionResult); 409 when the case has ended and the action is not a known repeat. */
export async function actOnCase<K extends CaseActionType>(
  deps: RouteDependencies,
  view: CaseView,
  type: K,
  payload: ActionPayload<K>,
  updateId: string | undefined,
): Promise<ActionResult<K>> {
  const ended = hasEnded(view);
  if (ended && updateId === undefined) throw closed(view);
  try {
    return await deps.gateway.act(view.caseId, type, payload, updateId);
  } catch (error) {
    if (ended && error instanceof WorkflowNotFoundError) throw closed(view);
    throw error;
  }
}
