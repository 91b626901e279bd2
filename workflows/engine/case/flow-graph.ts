/** Questions about the shape of a flow: which steps exist, and how `after` links them. */
import type { Flow, Stage, Step } from '../flow-model';

/** Main steps, then emergency steps. */
export function allSteps(flow: Flow): readonly Step[] {
  return [...flow.steps, ...(flow.emergency?.steps ?? [])];
}

/** The step with that id, main or emergency. */
export function findStep(flow: Flow, stepId: string): Step | undefined {
  return allSteps(flow).find((step) => step.id === stepId);
}

/** Whether the step belongs to `emergency.steps`. */
export function isEmergencyStep(flow: Flow, stepId: string): boolean {
  return (flow.emergency?.steps ?? []).some((step) => step.id === stepId);
}

/** The stage a step runs in: emergency steps always `emergency`. */
export function stageOf(flow: Flow, step: Step): Stage {
  return isEmergencyStep(flow, step.id) ? 'emergency' : step.stage;
}

/** The step's title in words: Chinese, else English, else its id. */
export function stepTitle(step: Step): string {
  return step.title?.zh ?? step.title?.en ?? step.id;
}

/** The step's English title, when the flow gives one (the English UI shows it instead of `stepTitle`). */
export function stepTitleEn(step: Step): string | undefined {
  return step.title?.en;
}

/** Every step that (transitively) waits for `stepId`, not including it. */
function descendants(flow: Flow, stepId: string): Set<string> {
  const found = new Set<string>();
  const queue = [stepId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const step of allSteps(flow)) {
      if (step.after.includes(id) && !found.has(step.id)) {
        found.add(step.id);
        queue.push(step.id);
      }
    }
  }
  return found;
}

/**
 * `from`, `to` and every step on a path between them, in flow order: the steps a 返工 ran again before engine
 * revision 1 (`reworkRerunsDownstream`).
 */
export function stepsBetween(flow: Flow, from: string, to: string): string[] {
  const below = descendants(flow, from);
  return allSteps(flow)
    .map((step) => step.id)
    .filter((id) => id === from || id === to || (below.has(id) && descendants(flow, id).has(to)));
}

/** `from` and every step after it, in flow order (the steps a 返工 or 重办 runs again). */
export function stepAndDescendants(flow: Flow, from: string): string[] {
  const below = descendants(flow, from);
  return allSteps(flow)
    .map((step) => step.id)
    .filter((id) => id === from || below.has(id));
}
