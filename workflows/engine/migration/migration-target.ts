/** The target of a migration for one case, resolved from the directory for its region as at start. */
import type { WorkingCalendar } from '../calendar-model';
import { resolveCaseDirectory } from '../directory';
import type { Directory } from '../directory-model';
import type { Flow } from '../flow-model';
import type { MigrationTarget } from './migration-model';

/**
 * `flow` on `calendar`, with the departments of the directory that hold its assignees in `region` and the systems
 * its service steps call. Throws what resolving a new case's directory throws (an unknown region, an assignee
 * no department holds, an unknown system).
 */
export function migrationTarget(
  directory: Directory,
  flow: Flow,
  calendar: WorkingCalendar,
  region: string,
): MigrationTarget {
  const { assignees, departments, systems } = resolveCaseDirectory(directory, flow, region);
  return { flow, calendar, assignees, departments, systems };
}
