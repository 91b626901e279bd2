import type { ResolvedAssignee } from '../case-input';
import type { Directory } from '../directory-model';
import type { AssigneeSpec } from '../flow-model';
import { LEVELS } from '../flow-model';
import { AssigneeUnresolvedError } from './directory-errors';
import { indexDirectory, roleKey } from './directory-index';
import { regionChain } from './region-path';

/**
 * The department that takes `spec` for a case in region `regionCode`. `{ department }` must exist. `{ role, level }`
 * is the department holding the role at the case's ancestor of that level; where there is none, the next level up
 * takes it (属地兜底), up to the city. A case region above `level` (a district case, a grid role) starts at the
 * case region itself. The resolved `level` is where the department was found, so a fallback shows.
 * Throws `RegionUnknownError` for an unknown region and `AssigneeUnresolvedError` when nothing is found.
 */
export function resolveAssignee(
  directory: Directory,
  regionCode: string,
  spec: AssigneeSpec,
): ResolvedAssignee {
  const index = indexDirectory(directory);
  if ('department' in spec) {
    if (!index.departments.has(spec.department)) {
      throw new AssigneeUnresolvedError(spec, regionCode, 'no such department in the directory');
    }
    return { department: spec.department };
  }
  const wanted = LEVELS.indexOf(spec.level);
  const candidates = regionChain(directory, regionCode).filter(
    (region) => LEVELS.indexOf(region.level) >= wanted,
  );
  for (const region of candidates) {
    const holder = index.roleHolders.get(roleKey(region.code, spec.role));
    if (holder !== undefined) return { department: holder.id, role: spec.role, level: region.level };
  }
  const searched = candidates.map((region) => region.code).join(', ');
  throw new AssigneeUnresolvedError(
    spec,
    regionCode,
    searched === ''
      ? `the region has no ancestor at level ${spec.level} or above`
      : `no department holds it in ${searched}`,
  );
}
