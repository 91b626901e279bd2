/** When a case's loop must run next. */
import type { CaseState } from './engine/case/case-state';
import { nextWakeAt } from './engine/case';
import { patchedBefore3 } from './shell-patches';

/** Patch id: the loop also wakes at the next step deadline. */
const WAKE_AT_STEP_DEADLINES = 'wake-at-step-deadlines';

/**
 * The engine's next event, and (since the patch) the next step deadline, so that `FcOverdue` turns true when a
 * step without escalation rungs passes its deadline.
 */
export function nextWake(state: CaseState): number | undefined {
  const engineWake = nextWakeAt(state);
  if (!patchedBefore3(state, WAKE_AT_STEP_DEADLINES) || state.status !== 'open') return engineWake;
  const now = Date.now();
  const upcoming = Object.values(state.steps)
    .filter((step) => (step.status === 'active' || step.status === 'claimed') && !step.parked)
    .map((step) => step.deadline?.at)
    .filter((at): at is number => at !== undefined && at > now);
  const wakes = engineWake === undefined ? upcoming : [...upcoming, engineWake];
  return wakes.length === 0 ? undefined : Math.min(...wakes);
}
