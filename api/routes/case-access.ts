/**
 * Reading a case on behalf of an actor: the view is fetched, then the contract's rules decide whether the actor may
 * see it, act on one of its steps or supervise it. Each refusal is a 403 problem, raised before any Update runs.
 */
import type { ActionGuard } from '../actions/action-route';
import type { Actor } from '../auth';
import { canActOnStep, canSeeCase, canSuperviseCase } from '../auth';
import type { CaseView, StepView } from '../../workflows/engine/case/case-view';
import { allSteps } from '../../workflows/engine/case/flow-graph';
import { ConflictProblemError, ForbiddenProblemError, NotFoundProblemError } from '../problems';
import { viewOrRecord } from '../ledger/case-view-or-record';
import { regionWithin, type RouteDependencies } from './route-context';

/** The region and every department assigned to one of the case's steps. */
export function caseFactsOf(view: CaseView): { region: string; departments: string[] } {
  const departments = view.steps.flatMap((step) => (step.assignee ? [step.assignee.department] : []));
  return { region: view.region, departments: [...new Set(departments)] };
}

/**
 * The case as a route acts on it: Temporal's view, or the ledger's record of a case Temporal closed outside the
 * engine or has forgotten (so that an action there is a 409 `case-closed`, not a 404).
 */
async function caseView(deps: RouteDependencies, caseId: string): Promise<CaseView> {
  return (await viewOrRecord(deps, caseId)).view.value();
}

/** The case view when the actor may see the case; 404 unknown, 403 not allowed. */
export async function visibleCase(deps: RouteDependencies, caseId: string, actor: Actor): Promise<CaseView> {
  const view = await caseView(deps, caseId);
  if (!canSeeCase(actor, caseFactsOf(view), regionWithin(deps.service))) {
    throw new ForbiddenProblemError(`You may not see case '${caseId}'`, { slug: 'case-not-visible' });
  }
  return view;
}

/** The step of the view; 409 when the flow has it but the case has not reached it, 404 when the flow has none. */
export function stepOf(deps: RouteDependencies, view: CaseView, stepId: string): StepView {
  const step = view.steps.find((candidate) => candidate.id === stepId);
  if (step) return step;
  const flow = deps.service.flows.get(view.flowId, view.flowVersion);
  if (flow && allSteps(flow).some((candidate) => candidate.id === stepId)) {
    throw new ConflictProblemError(`Step '${stepId}' is not active`, { slug: 'step-not-active' });
  }
  throw new NotFoundProblemError(`Case '${view.caseId}' has no step '${stepId}'`);
}

/**
 * Checks that the department actor holds the step; 403 otherwise. A step the case has not reached has no
 * department yet: that is a 409 (not active), as the engine would answer, not a 403.
 */
export function assertActsOnStep(actor: Actor, step: StepView): void {
  if (step.assignee === undefined && step.status !== 'active' && step.status !== 'claimed') {
    throw new ConflictProblemError(`Step '${step.id}' is not active`, { slug: 'step-not-active' });
  }
  if (!canActOnStep(actor, step.assignee?.department)) {
    throw new ForbiddenProblemError(`Step '${step.id}' is not assigned to your department`, {
      slug: 'step-not-assigned',
    });
  }
}

/** Checks that the actor supervises the case (admin, or supervisor with the case in its region); 403 otherwise. */
export function assertSupervises(deps: RouteDependencies, actor: Actor, view: CaseView): void {
  if (!canSuperviseCase(actor, view.region, regionWithin(deps.service))) {
    throw new ForbiddenProblemError(`Case '${view.caseId}' is outside your region`, {
      slug: 'out-of-region',
    });
  }
}

/**
 * The case an action route acts on: the view when the actor may see the case, or for `designer` access (designers
 * and admins migrate cases of every region, and are answered without case data) the view whatever the region.
 */
export async function caseForAction(
  deps: RouteDependencies,
  caseId: string,
  actor: Actor,
  guard: ActionGuard,
): Promise<CaseView> {
  if (guard.access === 'designer') return caseView(deps, caseId);
  return visibleCase(deps, caseId, actor);
}

/** Checks what an action route asks of the actor, once the case is read; 403 (or 404/409 for the step) otherwise. */
export function assertMayAct(
  deps: RouteDependencies,
  actor: Actor,
  view: CaseView,
  guard: ActionGuard,
): void {
  switch (guard.access) {
    case 'assignee':
      assertActsOnStep(actor, stepOf(deps, view, guard.stepId));
      return;
    case 'supervisor':
      assertSupervises(deps, actor, view);
      return;
    case 'intake':
      // visibleCase has already held the intake seat to its region.
      return;
    case 'designer':
      // The role gate let only designers and admins through; they may act on any case's flow version.
      return;
  }
  // A new kind of access without a check here does not compile.
  const unchecked: never = guard;
  return unchecked;
}
