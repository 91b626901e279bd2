/** The outcome of a departmental system call: the step completes, or an incident opens. */
import type { ServiceResult } from './case-actions';
import type { CaseState } from './case-state';
import type { Transition } from './commands';
import { openIncident } from './activation';
import { completeStep } from './completion';
import { settle } from './settle';
import { begin, finish } from './tx';

/**
 * Applies a call's outcome. A result for an earlier round (the step was returned or reworked meanwhile), for a
 * finished step or a closed case changes nothing. While suspended the step completes but nothing new starts.
 */
export function applyServiceResult(state: CaseState, result: ServiceResult, now: number): Transition {
  const current = state.steps[result.stepId];
  const stale =
    state.status === 'closed' ||
    state.status === 'cancelled' ||
    current === undefined ||
    current.round !== result.round ||
    current.status !== 'active' ||
    current.incident !== undefined;
  if (stale) return { state, commands: [] };
  const tx = begin(state, now);
  if (result.outcome.ok) {
    completeStep(tx, result.stepId, result.outcome.result);
  } else {
    openIncident(tx, result.stepId, result.outcome.error);
  }
  settle(tx);
  return finish(tx);
}
