/** Which roles may open which area of the app; the menu and the route guards both read this. */
import type { Schemas } from '../api/client';

export type Role = Schemas['Role'];
export type Area = 'department' | 'intake' | 'supervisor' | 'designer' | 'admin';

export const AREA_ROLES: Readonly<Record<Area, readonly Role[]>> = {
  department: ['department'],
  intake: ['intake', 'admin'],
  supervisor: ['supervisor', 'admin'],
  designer: ['designer', 'admin'],
  admin: ['admin'],
};

export function mayOpen(role: Role, area: Area): boolean {
  return AREA_ROLES[area].includes(role);
}

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'department':
      return '/inbox';
    case 'intake':
      return '/intake';
    case 'supervisor':
    case 'admin':
      return '/supervision';
    case 'designer':
      return '/flows';
  }
}
