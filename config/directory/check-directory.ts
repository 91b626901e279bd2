/**
 * Cross-reference checks of a directory that has the right shape: duplicate codes and ids, parents that exist and
 * sit exactly one level up (grid → community → street → district → city, cities at the top), departments in known
 * regions, roles held twice in one region (the resolution of that role there would be ambiguous), and the Open311
 * jurisdictions and boundaries (check-jurisdictions.ts).
 */
import { checkJurisdictions } from './check-jurisdictions';
import type { Directory } from './directory-schema';
import { LEVEL_NAMES } from './directory-schema';

/** A problem with its path as keys, so that the loader can find its line. */
export interface DirectoryIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Every cross-reference problem of `directory`, in file order; empty when it is consistent. */
export function checkDirectory(directory: Directory): DirectoryIssue[] {
  return [
    ...checkRegions(directory),
    ...checkDepartments(directory),
    ...checkSystems(directory),
    ...checkJurisdictions(directory),
  ];
}

function checkRegions({ regions }: Directory): DirectoryIssue[] {
  const issues: DirectoryIssue[] = [];
  const firstIndex = firstIndexBy(regions, (region) => region.code);
  regions.forEach((region, index) => {
    const first = firstIndex.get(region.code);
    if (first !== index) {
      issues.push({
        path: ['regions', index, 'code'],
        message: `duplicate region code "${region.code}" (first at regions[${first}])`,
      });
    }
    const expected = LEVEL_NAMES[LEVEL_NAMES.indexOf(region.level) + 1];
    if (expected === undefined) {
      if (region.parent !== undefined) {
        issues.push({
          path: ['regions', index, 'parent'],
          message: 'a city is the top of the tree and has no parent',
        });
      }
      return;
    }
    if (region.parent === undefined) {
      issues.push({ path: ['regions', index], message: `a ${region.level} needs a parent (a ${expected})` });
      return;
    }
    const parentIndex = firstIndex.get(region.parent);
    const parent = parentIndex === undefined ? undefined : regions[parentIndex];
    if (parent === undefined) {
      issues.push({
        path: ['regions', index, 'parent'],
        message: `unknown parent region "${region.parent}"`,
      });
    } else if (parent.level !== expected) {
      issues.push({
        path: ['regions', index, 'parent'],
        message: `the parent of a ${region.level} must be a ${expected}, but "${parent.code}" (${parent.name}) is a ${parent.level}`,
      });
    }
  });
  return issues;
}

function checkDepartments({ regions, departments }: Directory): DirectoryIssue[] {
  const issues: DirectoryIssue[] = [];
  const regionCodes = new Set(regions.map((region) => region.code));
  const firstIndex = firstIndexBy(departments, (department) => department.id);
  // `${region} ${role}` -> index of the first department holding that role there
  const holders = new Map<string, number>();
  departments.forEach((department, index) => {
    const first = firstIndex.get(department.id);
    if (first !== index) {
      issues.push({
        path: ['departments', index, 'id'],
        message: `duplicate department id "${department.id}" (first at departments[${first}])`,
      });
    }
    if (!regionCodes.has(department.region)) {
      issues.push({
        path: ['departments', index, 'region'],
        message: `unknown region "${department.region}"`,
      });
    }
    department.roles.forEach((role, roleIndex) => {
      if (department.roles.indexOf(role) !== roleIndex) {
        issues.push({
          path: ['departments', index, 'roles', roleIndex],
          message: `role "${role}" is listed twice`,
        });
        return;
      }
      const key = `${department.region} ${role}`;
      const holder = holders.get(key);
      if (holder === undefined) {
        holders.set(key, index);
        return;
      }
      issues.push({
        path: ['departments', index, 'roles', roleIndex],
        message:
          `role "${role}" in region "${department.region}" is already held by "${departments[holder]?.id}" ` +
          `(departments[${holder}]): resolving it there would be ambiguous`,
      });
    });
  });
  return issues;
}

function checkSystems({ systems }: Directory): DirectoryIssue[] {
  const firstIndex = firstIndexBy(systems, (system) => system.id);
  return systems.flatMap((system, index) => {
    const first = firstIndex.get(system.id);
    return first === index
      ? []
      : [
          {
            path: ['systems', index, 'id'],
            message: `duplicate system id "${system.id}" (first at systems[${first}])`,
          },
        ];
  });
}

function firstIndexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    if (!first.has(key(item))) first.set(key(item), index);
  });
  return first;
}
