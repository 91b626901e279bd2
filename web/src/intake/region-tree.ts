/** The directory's flat region list as the tree a Cascader shows, rooted at the regions the user may choose. */
import type { Region } from '../common/directory';

export interface RegionOption {
  readonly value: string;
  readonly label: string;
  readonly children?: RegionOption[];
}

/** The subtree under `root` (the token's region; every city when undefined), root included. */
export function regionOptions(regions: readonly Region[], root: string | undefined): RegionOption[] {
  const children = new Map<string, Region[]>();
  for (const region of regions) {
    const key = region.parent ?? '';
    children.set(key, [...(children.get(key) ?? []), region]);
  }
  const build = (region: Region): RegionOption => {
    const below = children.get(region.code) ?? [];
    return {
      value: region.code,
      label: region.name,
      ...(below.length === 0 ? {} : { children: below.map(build) }),
    };
  };
  const roots =
    root === undefined ? (children.get('') ?? []) : regions.filter((region) => region.code === root);
  return roots.map(build);
}
