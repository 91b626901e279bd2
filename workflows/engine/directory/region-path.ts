import type { Directory, Region } from '../directory-model';
import { LEVELS } from '../flow-model';
import { indexDirectory } from './directory-index';
import { RegionUnknownError } from './directory-errors';

/** The region `code` and its ancestors, from the region itself up to the city. Throws `RegionUnknownError`. */
export function regionPath(directory: Directory, code: string): string[] {
  return regionChain(directory, code).map((region) => region.code);
}

/**
 * Whether region `code` lies in `scopeCode` (itself or an ancestor), e.g. for a supervisor's token scope.
 * An unknown `code` lies in nothing, so the answer is false rather than an error.
 */
export function isWithinRegion(directory: Directory, code: string, scopeCode: string): boolean {
  if (!indexDirectory(directory).regions.has(code)) return false;
  return regionPath(directory, code).includes(scopeCode);
}

/** The regions on the path from `code` up to the top, as directory entries. */
export function regionChain(directory: Directory, code: string): Region[] {
  const { regions } = indexDirectory(directory);
  const start = regions.get(code);
  if (start === undefined) throw new RegionUnknownError(code);
  const chain: Region[] = [start];
  // A valid directory has at most one region per level on a path; the bound also stops a cycle in bad data.
  for (let current = start; current.parent !== undefined && chain.length <= LEVELS.length; ) {
    const parent = regions.get(current.parent);
    if (parent === undefined) throw new RegionUnknownError(current.parent, `the parent of "${current.code}"`);
    chain.push(parent);
    current = parent;
  }
  return chain;
}
