/**
 * Errors of directory resolution. Each sets `name` to its class name so that it survives as an
 * `ApplicationFailure` type when it crosses Temporal.
 */
import type { AssigneeSpec } from '../flow-model';

/** Thrown when a region code (the case's region or a parent on its path) is not in the directory. */
export class RegionUnknownError extends Error {
  override readonly name = 'RegionUnknownError';
  constructor(
    readonly code: string,
    context?: string,
  ) {
    super(`Unknown region "${code}"${context === undefined ? '' : ` (${context})`}`);
  }
}

/** Thrown when no department of the directory takes an assignee spec for a region, even after 属地兜底. */
export class AssigneeUnresolvedError extends Error {
  override readonly name = 'AssigneeUnresolvedError';
  constructor(
    readonly spec: AssigneeSpec,
    readonly region: string,
    why: string,
  ) {
    super(`Cannot resolve ${describeSpec(spec)} for region "${region}": ${why}`);
  }
}

/** Thrown when a flow's service step calls a departmental system the directory does not list. */
export class SystemUnknownError extends Error {
  override readonly name = 'SystemUnknownError';
  constructor(
    readonly system: string,
    readonly stepId: string,
  ) {
    super(`Step "${stepId}" calls system "${system}", which is not in the directory`);
  }
}

function describeSpec(spec: AssigneeSpec): string {
  return 'department' in spec
    ? `department "${spec.department}"`
    : `role "${spec.role}" at level ${spec.level}`;
}
