/** The case's current stage (docs/flow-language.md, "The six stages"). */
import type { Stage } from '../flow-model';
import { STAGES } from '../flow-model';
import type { CaseState } from './case-state';

export type CaseStage = Stage | 'closed';

/**
 * `closed` once closed or cancelled; `emergency` while an emergency is open; `review` while the feedback window
 * is open; else the earliest stage (in table order) among the main steps in an active round (or returned, or
 * waiting for a supervisor's rework decision); else
 * the stage of the latest step activated, else the first stage.
 */
export function currentStage(state: CaseState): CaseStage {
  if (state.status === 'closed' || state.status === 'cancelled') return 'closed';
  if (state.emergency.level > 0) return 'emergency';
  if (state.review?.status === 'open') return 'review';
  const { steps } = state.input.flow;
  const running = steps.filter((step) => {
    const current = state.steps[step.id];
    const status = current?.status;
    const awaitsDecision = current?.reworkDecision !== undefined;
    return status === 'active' || status === 'claimed' || status === 'returned' || awaitsDecision;
  });
  if (running.length > 0) {
    return (
      running.map((step) => step.stage).sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b))[0] ??
      'assessment'
    );
  }
  const latest = [...steps]
    .filter((step) => state.steps[step.id]?.activatedAt !== undefined)
    .sort((a, b) => (state.steps[b.id]?.activatedAt ?? 0) - (state.steps[a.id]?.activatedAt ?? 0))[0];
  return latest?.stage ?? 'assessment';
}
