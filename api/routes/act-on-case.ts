/**
 * Runs an action's Update on a case the route has already read and authorized. A closed or cancelled case has
 * no running workflow: a new action there is a 409, while a repeat (same Update id) still gets its recorded
 * outcome when Temporal keeps it.
 */
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ActionGuard } from '../actions/action-route';
import type { Actor } from '../auth';
import type { CaseView } from '../../workflows/engine/case/case-view';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { ActionPayload, ActionResult } from '../../workflows/messages';
import type { KeyedAction } from '../cases/case-gateway';
import type { JsonAnswer } from '../cases/json-answer';
import { ConflictProblemError, isActionNotDelivered } from '../problems';
import { recordClosureOnSight } from '../ledger/closure-on-sight';
import { assertMayAct, visibleCase } from './case-access';
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
  keyed: KeyedAction | undefined,
): Promise<JsonAnswer<ActionResult<K>>> {
  const ended = hasEnded(view);
  if (ended && keyed === undefined) throw closed(view);
  try {
    return await deps.gateway.act(view.caseId, type, payload, keyed);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    if (ended) throw closed(view);
    // Closed outside the engine since the route read it: recorded now, the action is refused as on a closed case.
    if (await recordClosureOnSight(deps, view.caseId)) throw closed({ ...view, status: 'cancelled' });
    throw error;
  }
}

/**
 * A department's action on its step, without reading the case first (one Query less per action). The Update's
 * validator refuses what the engine would: a step not assigned to the caller, not active, a closed case (and an
 * ended workflow is not found). Only such a refusal reads the case and runs the read-first checks, so that the
 * answer is the one a read-first route gives: 404 unknown case, 403 case not visible or step not assigned, 409
 * step not active or case closed, else the engine's own refusal.
 */
export async function actOnOwnStep<K extends CaseActionType>(
  deps: RouteDependencies,
  actor: Actor,
  guard: ActionGuard,
  type: K,
  payload: ActionPayload<K>,
  keyed: KeyedAction | undefined,
  caseId: string,
): Promise<JsonAnswer<ActionResult<K>>> {
  try {
    return await deps.gateway.act(caseId, type, payload, keyed);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const view = await visibleCase(deps, caseId, actor);
    assertMayAct(deps, actor, view, guard);
    if (hasEnded(view)) throw closed(view);
    throw error;
  }
}

/** The case refused the action (its validator or handler), or there is no running case to take it. */
function isRefusal(error: unknown): boolean {
  if (error instanceof WorkflowNotFoundError) return true;
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    !isActionNotDelivered(error)
  );
}
