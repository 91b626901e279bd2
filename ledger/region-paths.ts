/**
 * A case's region chain as one column (`region_path`), so that "in this region or under it" is a substring test
 * on the case's own row: the codes root first, each between spaces (` 440100 440106 440106001 `). Directory codes
 * hold no whitespace (config/directory/directory-schema.ts), so ` <code> ` matches exactly the chains holding it.
 */
const SEPARATOR = ' ';

/** The stored path of a chain given leaf first, as snapshots carry it (`regionPath`); null for none. */
export function storedRegionPath(leafFirst: readonly string[]): string | null {
  if (leafFirst.length === 0) return null;
  return `${SEPARATOR}${[...leafFirst].reverse().join(SEPARATOR)}${SEPARATOR}`;
}

/** What a stored path of a case in `region` or under it contains. */
export function regionPathNeedle(region: string): string {
  return `${SEPARATOR}${region}${SEPARATOR}`;
}
