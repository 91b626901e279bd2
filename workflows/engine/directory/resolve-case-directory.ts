import type { CaseInput, ResolvedAssignee } from '../case-input';
import { assigneeKey } from '../case-input';
import type { Department, DepartmentalSystem, Directory } from '../directory-model';
import type { AssigneeSpec, Flow, Step } from '../flow-model';
import { SystemUnknownError } from './directory-errors';
import { indexDirectory } from './directory-index';
import { regionPath } from './region-path';
import { resolveAssignee } from './resolve-assignee';

/** The directory entries a case pins at start: exactly these parts of `CaseInput`. */
export type CaseDirectory = Pick<CaseInput, 'regionPath' | 'assignees' | 'departments' | 'systems'>;

/**
 * Resolves, for a case of `flow` in region `regionCode`, every assignee the flow names (task and notify steps,
 * emergency steps, escalation `to`) keyed by `assigneeKey`, the departments they resolve to, and the systems its
 * service steps call. Throws `RegionUnknownError`, `AssigneeUnresolvedError` or `SystemUnknownError`.
 */
export function resolveCaseDirectory(directory: Directory, flow: Flow, regionCode: string): CaseDirectory {
  const path = regionPath(directory, regionCode);
  const index = indexDirectory(directory);
  const steps = [...flow.steps, ...(flow.emergency?.steps ?? [])];
  const assignees: Record<string, ResolvedAssignee> = {};
  const departments: Record<string, Department> = {};
  for (const spec of steps.flatMap(assigneeSpecs)) {
    const key = assigneeKey(spec);
    if (key in assignees) continue;
    const resolved = resolveAssignee(directory, regionCode, spec);
    assignees[key] = resolved;
    const department = index.departments.get(resolved.department);
    if (department !== undefined) departments[department.id] = department;
  }
  const systems: Record<string, DepartmentalSystem> = {};
  for (const step of steps) {
    if (step.kind !== 'service') continue;
    const system = index.systems.get(step.call.system);
    if (system === undefined) throw new SystemUnknownError(step.call.system, step.id);
    systems[system.id] = system;
  }
  return { regionPath: path, assignees, departments, systems };
}

/** The assignee specs a step names: its own, and the `to` of its escalation rungs (claim rungs included). */
function assigneeSpecs(step: Step): AssigneeSpec[] {
  switch (step.kind) {
    case 'task':
      return [
        step.assignee,
        ...[...step.escalation, ...(step.claimEscalation ?? [])].flatMap((rung) =>
          rung.to === undefined ? [] : [rung.to],
        ),
      ];
    case 'notify':
      return step.assignee === undefined ? [] : [step.assignee];
    case 'service':
    case 'wait':
      return [];
  }
}
