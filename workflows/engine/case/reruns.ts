/** Running steps again: resetting them for a new round (返工, 退单, 重办, a reopened emergency). */
import type { RoundRecord, StepState } from './case-state';
import type { Tx } from './tx';
import { patchStep, stepState } from './tx';

/** How a round ended, with whether it met its deadline (absent without one, or when parked). */
export function roundRecord(state: StepState, outcome: RoundRecord['outcome'], at: number): RoundRecord {
  const onTime = state.parked || state.deadline === undefined ? undefined : at <= state.deadline.at;
  return { round: state.round, outcome, at, ...(onTime !== undefined ? { onTime } : {}) };
}

/**
 * Puts the steps back to `pending` so that the scheduler activates them again (each in a new round) once what
 * they wait for is finished. A step interrupted while active records `outcome` for its round.
 */
export function resetSteps(tx: Tx, stepIds: readonly string[], outcome: RoundRecord['outcome']): void {
  for (const stepId of stepIds) {
    const state = stepState(tx, stepId);
    if (state.status === 'pending') continue;
    const interrupted = state.status === 'active' || state.status === 'claimed';
    const reset: StepState = {
      id: state.id,
      status: 'pending',
      round: state.round,
      rungs: [],
      parked: false,
      reworks: state.reworks,
      history: interrupted ? [...state.history, roundRecord(state, outcome, tx.now)] : state.history,
      ...(state.assignee !== undefined ? { assignee: state.assignee } : {}),
    };
    tx.state = { ...tx.state, steps: { ...tx.state.steps, [stepId]: reset } };
  }
}

/** Ends an active round without completing it (cancelled case or emergency). */
export function cancelStep(tx: Tx, stepId: string): boolean {
  const state = stepState(tx, stepId);
  const open = ['pending', 'active', 'claimed', 'returned'].includes(state.status);
  if (!open) return false;
  const interrupted = state.status === 'active' || state.status === 'claimed';
  patchStep(tx, stepId, {
    status: 'cancelled',
    request: undefined,
    history: interrupted ? [...state.history, roundRecord(state, 'cancelled', tx.now)] : state.history,
  });
  return true;
}
