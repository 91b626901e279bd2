/**
 * Cross-reference checks of the Open311 parts of a directory: jurisdictions name known regions (their default
 * region inside their own), ids are unique, and each boundary outlines a known region once with a real polygon.
 */
import type { DirectoryIssue } from './check-directory';
import type { Directory } from './directory-schema';

/** Every problem of the jurisdictions and boundaries of `directory`, in file order. */
export function checkJurisdictions(directory: Directory): DirectoryIssue[] {
  const parents = new Map(directory.regions.map((region) => [region.code, region.parent]));
  const issues: DirectoryIssue[] = [];
  const unknown = (path: (string | number)[], code: string) =>
    issues.push({ path, message: `unknown region "${code}"` });
  const ids = new Map<string, number>();
  directory.jurisdictions.forEach((jurisdiction, index) => {
    const first = ids.get(jurisdiction.id);
    if (first === undefined) ids.set(jurisdiction.id, index);
    else
      issues.push({
        path: ['jurisdictions', index, 'id'],
        message: `duplicate jurisdiction id "${jurisdiction.id}" (first at jurisdictions[${first}])`,
      });
    if (!parents.has(jurisdiction.region)) unknown(['jurisdictions', index, 'region'], jurisdiction.region);
    const fallback = jurisdiction.defaultRegion;
    if (fallback === undefined || !parents.has(jurisdiction.region)) return;
    if (!parents.has(fallback)) unknown(['jurisdictions', index, 'defaultRegion'], fallback);
    else if (!ancestorsOf(fallback, parents).includes(jurisdiction.region)) {
      issues.push({
        path: ['jurisdictions', index, 'defaultRegion'],
        message: `"${fallback}" does not lie in the jurisdiction's region "${jurisdiction.region}"`,
      });
    }
  });
  const outlined = new Map<string, number>();
  directory.boundaries.forEach((boundary, index) => {
    if (!parents.has(boundary.region)) unknown(['boundaries', index, 'region'], boundary.region);
    const first = outlined.get(boundary.region);
    if (first === undefined) outlined.set(boundary.region, index);
    else
      issues.push({
        path: ['boundaries', index, 'region'],
        message: `region "${boundary.region}" is already outlined (boundaries[${first}])`,
      });
    const corners = new Set(boundary.polygon.map(([longitude, latitude]) => `${longitude},${latitude}`));
    if (corners.size < 3) {
      issues.push({
        path: ['boundaries', index, 'polygon'],
        message: 'a polygon needs at least 3 distinct points',
      });
    }
  });
  return issues;
}

/** `code` and its ancestors (bounded, so that a cycle in bad data ends). */
function ancestorsOf(code: string, parents: ReadonlyMap<string, string | undefined>): string[] {
  const chain = [code];
  for (let parent = parents.get(code); parent !== undefined && chain.length <= parents.size; ) {
    chain.push(parent);
    parent = parents.get(parent);
  }
  return chain;
}
