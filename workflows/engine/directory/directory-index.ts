/**
 * Lookup tables over a directory, built once per directory object and cached (a directory is immutable data).
 */
import type { Department, DepartmentalSystem, Directory, Region } from '../directory-model';

export interface DirectoryIndex {
  readonly regions: ReadonlyMap<string, Region>;
  readonly departments: ReadonlyMap<string, Department>;
  readonly systems: ReadonlyMap<string, DepartmentalSystem>;
  /** `roleKey(region, role)` → the first department, in directory order, holding the role in that region. */
  readonly roleHolders: ReadonlyMap<string, Department>;
}

const cache = new WeakMap<Directory, DirectoryIndex>();

/** The index of `directory`; the first entry wins where the loader would have reported a duplicate. */
export function indexDirectory(directory: Directory): DirectoryIndex {
  const cached = cache.get(directory);
  if (cached) return cached;
  const roleHolders = new Map<string, Department>();
  for (const department of directory.departments) {
    for (const role of department.roles) {
      const key = roleKey(department.region, role);
      if (!roleHolders.has(key)) roleHolders.set(key, department);
    }
  }
  const index: DirectoryIndex = {
    regions: firstById(directory.regions, (region) => region.code),
    departments: firstById(directory.departments, (department) => department.id),
    systems: firstById(directory.systems, (system) => system.id),
    roleHolders,
  };
  cache.set(directory, index);
  return index;
}

export function roleKey(region: string, role: string): string {
  return `${region}\u0000${role}`;
}

function firstById<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(id(item))) map.set(id(item), item);
  return map;
}
