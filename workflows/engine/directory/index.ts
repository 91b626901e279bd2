/**
 * Directory resolution: region paths, 属地兜底 role resolution and the entries a case pins at start. Pure and
 * deterministic (no Node built-ins), so it may run inside workflows.
 */
export { regionPath, isWithinRegion } from './region-path';
export { resolveAssignee } from './resolve-assignee';
export { resolveCaseDirectory } from './resolve-case-directory';
export type { CaseDirectory } from './resolve-case-directory';
export { AssigneeUnresolvedError, RegionUnknownError, SystemUnknownError } from './directory-errors';
