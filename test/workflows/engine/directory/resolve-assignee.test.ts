import { resolveAssignee } from '../../../../workflows/engine/directory';
import { directory } from './fixture-directory';

describe('resolveAssignee', () => {
  it.each([
    ['grid', '101001001001', 'inspector', 'grid', 'grid-a1-inspector', 'grid'],
    ['community', '101001002001', 'inspector', 'community', 'community-b', 'community'],
    ['street', '101001001001', 'territorial', 'street', 'street-office', 'street'],
    ['district', '101001001001', 'sanitation', 'district', 'district-101-sanitation', 'district'],
    ['city', '101001001001', 'hotline', 'city', 'city-hotline', 'city'],
  ] as const)('resolves a role at the %s level', (_, region, role, level, department, foundAt) => {
    expect(resolveAssignee(directory, region, { role, level })).toEqual({ department, role, level: foundAt });
  });

  it.each([
    ['grid to community', '101001002001', 'inspector', 'grid', 'community-b', 'community'],
    ['grid to district', '102001001001', 'inspector', 'grid', 'district-102-command', 'district'],
    ['grid to city', '101001001001', 'hotline', 'grid', 'city-hotline', 'city'],
    ['community to street', '101001001002', 'territorial', 'community', 'street-office', 'street'],
    ['district to city', '102001001001', 'duty-office', 'district', 'city-duty', 'city'],
  ] as const)('falls back upwards (属地兜底): %s', (_, region, role, level, department, foundAt) => {
    expect(resolveAssignee(directory, region, { role, level })).toEqual({ department, role, level: foundAt });
  });

  it('throws AssigneeUnresolvedError when no region on the path holds the role', () => {
    // grid A2 has no inspector of its own, nor its community, street, district or city
    expect(() => resolveAssignee(directory, '101001001002', { role: 'inspector', level: 'grid' })).toThrow(
      expect.objectContaining({
        name: 'AssigneeUnresolvedError',
        message:
          'Cannot resolve role "inspector" at level grid for region "101001001002": ' +
          'no department holds it in 101001001002, 101001001, 101001, 101, 100',
      }),
    );
  });

  it('starts at the case region when the case sits above the requested level', () => {
    expect(resolveAssignee(directory, '102', { role: 'inspector', level: 'grid' })).toEqual({
      department: 'district-102-command',
      role: 'inspector',
      level: 'district',
    });
  });

  it('never resolves downwards or sideways', () => {
    // the community-level inspector of community B does not serve street 101001 nor grids of community A
    expect(() => resolveAssignee(directory, '101001', { role: 'inspector', level: 'street' })).toThrow(
      'Cannot resolve role "inspector" at level street for region "101001": no department holds it in 101001, 101, 100',
    );
  });

  it('resolves an existing department as is', () => {
    expect(resolveAssignee(directory, '101001001001', { department: 'city-duty' })).toEqual({
      department: 'city-duty',
    });
  });

  it('throws AssigneeUnresolvedError for an unknown department', () => {
    expect(() => resolveAssignee(directory, '101001001001', { department: 'nobody' })).toThrow(
      expect.objectContaining({
        name: 'AssigneeUnresolvedError',
        region: '101001001001',
        spec: { department: 'nobody' },
        message:
          'Cannot resolve department "nobody" for region "101001001001": no such department in the directory',
      }),
    );
  });

  it('throws RegionUnknownError for an unknown case region', () => {
    expect(() => resolveAssignee(directory, '999', { role: 'hotline', level: 'city' })).toThrow(
      expect.objectContaining({ name: 'RegionUnknownError' }),
    );
  });
});
