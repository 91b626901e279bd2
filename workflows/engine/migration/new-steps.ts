/**
 * Steps the target has that the case's version lacks, and steps the case never ran that now lie behind it: a
 * new step runs when what it waits for finishes; a step that never ran and comes before a step the case has
 * already reached is skipped (the case has passed that point and does not go back for it).
 */
import { unstartedStep, type StepState } from '../case/case-state';
import { allSteps, stepAndDescendants } from '../case/flow-graph';
import type { ClockContext } from './migration-clocks';
import type { StepMigration } from './migration-model';

/**
 * Gives every target step without a state a fresh one, and skips each step that never ran and lies before a step
 * the case has already reached (running, finished, or run before): the case has passed that point, so it does not
 * go back for it. `steps` is completed in place; answers the plan lines of steps new in the target, and the lines
 * that replace those of kept steps now skipped (by target id).
 */
export function decideNewSteps(
  ctx: ClockContext,
  steps: Record<string, StepState>,
): { lines: StepMigration[]; skipped: Map<string, StepMigration> } {
  const target = ctx.after.input.flow;
  const version = target.version;
  const lines: StepMigration[] = [];
  const skipped = new Map<string, StepMigration>();
  const isNew = new Set<string>();
  for (const step of allSteps(target)) {
    if (steps[step.id] !== undefined) continue;
    steps[step.id] = unstartedStep(step.id);
    isNew.add(step.id);
  }
  const reached = (id: string): boolean => steps[id]?.status !== 'pending' || (steps[id]?.round ?? 0) > 0;
  for (const step of allSteps(target)) {
    const current = steps[step.id];
    if (current === undefined || reached(step.id)) continue;
    const ahead = stepAndDescendants(target, step.id).filter((id) => id !== step.id && reached(id));
    if (ahead.length > 0) {
      steps[step.id] = { ...current, status: 'skipped' };
      const why = `not run: the case has already reached ${ahead.join(', ')}, which come after it`;
      if (isNew.has(step.id)) {
        lines.push({
          to: step.id,
          status: 'new',
          decision: 'skip',
          explanation: `new in version ${version}, ${why}`,
        });
      } else {
        skipped.set(step.id, { to: step.id, status: 'pending', decision: 'skip', explanation: why });
      }
    } else if (isNew.has(step.id)) {
      const count = step.after.length;
      const waits =
        count === 0 ? 'at once' : `once ${step.after.join(', ')} ${count === 1 ? 'has' : 'have'} finished`;
      lines.push({
        to: step.id,
        status: 'new',
        decision: 'add',
        explanation: `new in version ${version}: scheduled ${waits}`,
      });
    }
  }
  return { lines, skipped };
}
