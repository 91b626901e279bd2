/**
 * The contract's authorization rules as pure functions over the actor and the facts of a case. Region ancestry
 * comes from the directory and is injected as a function, so these stay free of I/O and easy to test.
 */
import type { Actor } from './actor';

/** True when region `code` lies strictly under region `scope` in the directory's tree. */
export type RegionWithin = (code: string, scope: string) => boolean;

/** What a case must reveal to decide who may see it. */
export interface CaseFacts {
  readonly region: string;
  /** Every department assigned to one of the case's steps (any round). */
  readonly departments: readonly string[];
}

/** True when `regionCode` is `scopeCode` itself or lies under it. */
export function isRegionWithin(regionCode: string, scopeCode: string, isWithin: RegionWithin): boolean {
  return regionCode === scopeCode || isWithin(regionCode, scopeCode);
}

/**
 * May the actor read the case (view, timeline)? Admins always; supervisors and intake when the case's region lies
 * in the token's region; departments when one of the case's steps is assigned to them; designers never.
 */
export function canSeeCase(actor: Actor, caseFacts: CaseFacts, isWithin: RegionWithin): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'supervisor':
    case 'intake':
      return actor.region !== undefined && isRegionWithin(caseFacts.region, actor.region, isWithin);
    case 'department':
      return actor.dept !== undefined && caseFacts.departments.includes(actor.dept);
    case 'designer':
      return false;
  }
}

/** May the actor claim, complete, return or ask to extend a step? Only the department the step is assigned to. */
export function canActOnStep(actor: Actor, stepAssigneeDept: string | undefined): boolean {
  return actor.role === 'department' && actor.dept !== undefined && actor.dept === stepAssigneeDept;
}

/** May the actor supervise the case (emergency, urge, reassign, suspend, resume, cancel, decide extensions)? */
export function canSuperviseCase(actor: Actor, caseRegion: string, isWithin: RegionWithin): boolean {
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'supervisor' &&
    actor.region !== undefined &&
    isRegionWithin(caseRegion, actor.region, isWithin)
  );
}

/** May the actor read a department's inbox? That department, supervisors (filter items by region) and admins. */
export function canReadDepartmentTasks(actor: Actor, dept: string): boolean {
  if (actor.role === 'admin' || actor.role === 'supervisor') return true;
  return actor.role === 'department' && actor.dept === dept;
}

/** The region a supervision query runs over: the requested one, when within the token's; `forbidden` otherwise. */
export type RegionScope = { readonly allowed: true; readonly region?: string } | { readonly allowed: false };

/**
 * Narrows a supervision query to the actor's region. A supervisor gets its own region when none is asked for and
 * may only ask for regions under it; an admin gets what it asks for (undefined: everywhere).
 */
export function regionScopeOf(
  actor: Actor,
  requested: string | undefined,
  isWithin: RegionWithin,
): RegionScope {
  if (actor.role === 'admin')
    return requested === undefined ? { allowed: true } : { allowed: true, region: requested };
  if (actor.role !== 'supervisor' || actor.region === undefined) return { allowed: false };
  if (requested === undefined) return { allowed: true, region: actor.region };
  return isRegionWithin(requested, actor.region, isWithin)
    ? { allowed: true, region: requested }
    : { allowed: false };
}
