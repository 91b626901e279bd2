import {
  canActOnStep,
  canReadDepartmentTasks,
  canSeeCase,
  canSuperviseCase,
  isRegionWithin,
  regionScopeOf,
} from '../../../api/auth/access-rules';
import type { Actor } from '../../../api/auth/actor';

/** A small region tree: 440104001 (a street) under 440104 (a district) under 440100 (the city); 440105 a sibling. */
const PARENTS: Record<string, string> = { '440104': '440100', '440104001': '440104', '440105': '440100' };
const isWithin = (code: string, scope: string): boolean => {
  for (let parent = PARENTS[code]; parent !== undefined; parent = PARENTS[parent])
    if (parent === scope) return true;
  return false;
};

const supervisor: Actor = { sub: 's', role: 'supervisor', region: '440104' };
const intake: Actor = { sub: 'i', role: 'intake', region: '440104' };
const department: Actor = { sub: 'd', role: 'department', dept: 'yuexiu-sanitation' };
const admin: Actor = { sub: 'a', role: 'admin' };
const designer: Actor = { sub: 'x', role: 'designer' };
const caseInYuexiu = { region: '440104001', departments: ['yuexiu-sanitation'] };
const caseInHaizhu = { region: '440105', departments: ['haizhu-sanitation'] };

describe('isRegionWithin', () => {
  it('holds for the region itself, a descendant, and not for a sibling or an ancestor', () => {
    expect(isRegionWithin('440104', '440104', isWithin)).toBe(true);
    expect(isRegionWithin('440104001', '440100', isWithin)).toBe(true);
    expect(isRegionWithin('440105', '440104', isWithin)).toBe(false);
    expect(isRegionWithin('440100', '440104', isWithin)).toBe(false);
  });
});

describe('canSeeCase', () => {
  it.each([
    ['admin', admin, caseInHaizhu, true],
    ['a supervisor, for a case under its region', supervisor, caseInYuexiu, true],
    ['a supervisor, for a case elsewhere', supervisor, caseInHaizhu, false],
    ['intake, for a case under its region', intake, caseInYuexiu, true],
    ['intake, for a case elsewhere', intake, caseInHaizhu, false],
    ['a department assigned to the case', department, caseInYuexiu, true],
    ['a department not assigned to the case', department, caseInHaizhu, false],
    ['a designer', designer, caseInYuexiu, false],
  ])('answers for %s', (_name, actor, facts, expected) => {
    expect(canSeeCase(actor, facts, isWithin)).toBe(expected);
  });
});

describe('canActOnStep', () => {
  it('lets only the assigned department act', () => {
    expect(canActOnStep(department, 'yuexiu-sanitation')).toBe(true);
    expect(canActOnStep(department, 'haizhu-sanitation')).toBe(false);
    expect(canActOnStep(department, undefined)).toBe(false);
    expect(canActOnStep(admin, 'yuexiu-sanitation')).toBe(false);
    expect(canActOnStep(supervisor, 'yuexiu-sanitation')).toBe(false);
  });
});

describe('canSuperviseCase', () => {
  it('lets admins and supervisors over the case region supervise', () => {
    expect(canSuperviseCase(admin, '440105', isWithin)).toBe(true);
    expect(canSuperviseCase(supervisor, '440104001', isWithin)).toBe(true);
    expect(canSuperviseCase(supervisor, '440105', isWithin)).toBe(false);
    expect(canSuperviseCase(intake, '440104001', isWithin)).toBe(false);
  });
});

describe('canReadDepartmentTasks', () => {
  it('lets the department itself, supervisors and admins read an inbox', () => {
    expect(canReadDepartmentTasks(department, 'yuexiu-sanitation')).toBe(true);
    expect(canReadDepartmentTasks(department, 'haizhu-sanitation')).toBe(false);
    expect(canReadDepartmentTasks(supervisor, 'haizhu-sanitation')).toBe(true);
    expect(canReadDepartmentTasks(admin, 'haizhu-sanitation')).toBe(true);
    expect(canReadDepartmentTasks(intake, 'yuexiu-sanitation')).toBe(false);
  });
});

describe('regionScopeOf', () => {
  it('defaults a supervisor to its own region and refuses regions outside it', () => {
    expect(regionScopeOf(supervisor, undefined, isWithin)).toEqual({ allowed: true, region: '440104' });
    expect(regionScopeOf(supervisor, '440104001', isWithin)).toEqual({ allowed: true, region: '440104001' });
    expect(regionScopeOf(supervisor, '440100', isWithin)).toEqual({ allowed: false });
  });

  it('gives an admin what it asks for, and refuses other roles', () => {
    expect(regionScopeOf(admin, undefined, isWithin)).toEqual({ allowed: true });
    expect(regionScopeOf(admin, '440105', isWithin)).toEqual({ allowed: true, region: '440105' });
    expect(regionScopeOf(department, undefined, isWithin)).toEqual({ allowed: false });
  });
});
