import type { Department, Directory, Region } from '../../../../workflows/engine/directory-model';

const region = (code: string, level: Region['level'], parent?: string): Region => ({
  code,
  name: `R${code}`,
  level,
  ...(parent === undefined ? {} : { parent }),
});
const department = (id: string, regionCode: string, ...roles: string[]): Department => ({
  id,
  name: id,
  region: regionCode,
  roles,
});

/**
 * A small tree: city 100 > district 100-1 > street 100-1-1 > communities A and B > grids A1, A2, B1; and a second
 * district 100-2 with its own street, community and grid. `inspector` sits at grid A1, community B and
 * district 100-2 only, so other grids fall back (属地兜底).
 */
export const directory: Directory = {
  regions: [
    region('100', 'city'),
    region('101', 'district', '100'),
    region('101001', 'street', '101'),
    region('101001001', 'community', '101001'),
    region('101001001001', 'grid', '101001001'),
    region('101001001002', 'grid', '101001001'),
    region('101001002', 'community', '101001'),
    region('101001002001', 'grid', '101001002'),
    region('102', 'district', '100'),
    region('102001', 'street', '102'),
    region('102001001', 'community', '102001'),
    region('102001001001', 'grid', '102001001'),
  ],
  departments: [
    department('grid-a1-inspector', '101001001001', 'inspector'),
    department('community-b', '101001002', 'inspector', 'hotline-handler'),
    department('street-office', '101001', 'territorial'),
    department('district-101-sanitation', '101', 'sanitation', 'supervisor'),
    department('district-102-command', '102', 'inspector', 'supervisor'),
    department('city-hotline', '100', 'hotline', 'supervisor'),
    department('city-duty', '100', 'duty-office'),
  ],
  systems: [
    { id: 'district-dispatch', url: 'http://127.0.0.1:4010' },
    { id: 'unused', url: 'http://127.0.0.1:4011' },
  ],
};
