/**
 * Checks of the step graph: unique ids, known `after` targets, no cycles, no step that can never start,
 * `rework.goto` an ancestor, and the step ids named by review and profiles.
 */
import { formatPath } from './flow-problem';
import type { PathProblem } from './flow-problem';
import type { FlowParts, StepEntry } from './flow-parts';

/** Graph problems of `parts`. */
export function checkStepGraph(parts: FlowParts): PathProblem[] {
  const problems: PathProblem[] = [];
  const byId = indexSteps(parts.steps, problems);
  checkAfter(parts.steps, byId, problems);
  const inCycle = checkCycles(parts.steps, byId, problems);
  checkBlocked(parts.steps, byId, inCycle, problems);
  checkRework(parts.steps, byId, problems);
  checkNamedSteps(parts, byId, problems);
  return problems;
}

function indexSteps(steps: readonly StepEntry[], problems: PathProblem[]): Map<string, StepEntry> {
  const byId = new Map<string, StepEntry>();
  for (const entry of steps) {
    if (entry.id === undefined) continue;
    const first = byId.get(entry.id);
    if (first) {
      const where = formatPath(first.path);
      problems.push({
        path: [...entry.path, 'id'],
        message: `duplicate step id '${entry.id}' (first used at ${where})`,
      });
    } else {
      byId.set(entry.id, entry);
    }
  }
  return byId;
}

function label(entry: StepEntry): string {
  return `${entry.emergency ? 'emergency step' : 'step'} '${entry.id ?? '?'}'`;
}

function checkAfter(
  steps: readonly StepEntry[],
  byId: Map<string, StepEntry>,
  problems: PathProblem[],
): void {
  for (const entry of steps) {
    entry.after.forEach((target, index) => {
      const path = [...entry.path, 'after', index];
      const other = byId.get(target);
      if (!other) problems.push({ path, message: `${label(entry)} waits for unknown step '${target}'` });
      else if (other.emergency && !entry.emergency) {
        problems.push({
          path,
          message: `${label(entry)} waits for emergency step '${target}', which runs only during an emergency`,
        });
      } else if (!other.emergency && entry.emergency) {
        problems.push({
          path,
          message: `${label(entry)} waits for '${target}', which is not an emergency step`,
        });
      }
    });
  }
}

/** Reports each cycle once; returns the ids on cycles. */
function checkCycles(
  steps: readonly StepEntry[],
  byId: Map<string, StepEntry>,
  problems: PathProblem[],
): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const inCycle = new Set<string>();
  const visit = (entry: StepEntry): void => {
    const id = entry.id as string;
    state.set(id, 'open');
    stack.push(id);
    entry.after.forEach((target, index) => {
      const next = byId.get(target);
      if (!next) return;
      if (state.get(target) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(target)), target];
        cycle.forEach((member) => inCycle.add(member));
        const shown = [...cycle].reverse().join(' → ');
        problems.push({
          path: [...entry.path, 'after', index],
          message: `steps wait for each other in a cycle: ${shown}`,
        });
      } else if (!state.has(target)) {
        visit(next);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const entry of byId.values()) if (!state.has(entry.id as string)) visit(entry);
  return inCycle;
}

/** Steps outside a cycle that wait, through `after`, for a step on one: they can never start. */
function checkBlocked(
  steps: readonly StepEntry[],
  byId: Map<string, StepEntry>,
  inCycle: Set<string>,
  problems: PathProblem[],
) {
  for (const entry of steps) {
    if (entry.id === undefined || inCycle.has(entry.id) || byId.get(entry.id) !== entry) continue;
    const blocker = [...ancestors(entry, byId)].find((id) => inCycle.has(id));
    if (blocker !== undefined) {
      problems.push({
        path: [...entry.path, 'after'],
        message: `${label(entry)} is unreachable: it waits (through after) for '${blocker}', which is on a cycle`,
      });
    }
  }
}

/** Ids this step waits for, directly or not. */
function ancestors(entry: StepEntry, byId: ReadonlyMap<string, StepEntry>): Set<string> {
  const seen = new Set<string>();
  const pending = [...entry.after];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(byId.get(id)?.after ?? []));
  }
  return seen;
}

function checkRework(
  steps: readonly StepEntry[],
  byId: Map<string, StepEntry>,
  problems: PathProblem[],
): void {
  for (const entry of steps) {
    if (entry.step?.kind !== 'task' || !entry.step.rework) continue;
    const goto = entry.step.rework.goto;
    const path = [...entry.path, 'rework', 'goto'];
    if (!byId.has(goto))
      problems.push({ path, message: `rework of ${label(entry)} goes to unknown step '${goto}'` });
    else if (!ancestors(entry, byId).has(goto)) {
      problems.push({
        path,
        message: `rework of ${label(entry)} goes to '${goto}', which does not precede it (it must be reached through after)`,
      });
    }
  }
}

function checkNamedSteps(parts: FlowParts, byId: Map<string, StepEntry>, problems: PathProblem[]): void {
  const target = parts.doc.review?.reworkOnUnsatisfied;
  if (target !== undefined) {
    const path = ['review', 'reworkOnUnsatisfied'];
    const entry = byId.get(target);
    if (!entry) problems.push({ path, message: `review.reworkOnUnsatisfied names unknown step '${target}'` });
    else if (entry.emergency) {
      problems.push({
        path,
        message: `review.reworkOnUnsatisfied names emergency step '${target}'; name a step of the flow`,
      });
    }
  }
  for (const [name, profile] of Object.entries(parts.doc.profiles ?? {})) {
    for (const stepId of Object.keys(profile.sla ?? {})) {
      const path = ['profiles', name, 'sla', stepId];
      const kind = byId.get(stepId)?.step?.kind;
      if (!byId.has(stepId)) {
        problems.push({
          path,
          message: `profile '${name}' sets the sla of unknown step '${stepId}'`,
          atKey: true,
        });
      } else if (kind === 'notify' || kind === 'wait') {
        problems.push({
          path,
          message: `profile '${name}' sets an sla on '${stepId}', a ${kind} step, which has none`,
          atKey: true,
        });
      }
    }
  }
}
