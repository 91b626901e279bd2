import { isWithinRegion, regionPath } from '../../../../workflows/engine/directory';
import { directory } from './fixture-directory';

describe('regionPath', () => {
  it.each([
    ['101001001002', ['101001001002', '101001001', '101001', '101', '100']],
    ['101001002', ['101001002', '101001', '101', '100']],
    ['101001', ['101001', '101', '100']],
    ['102', ['102', '100']],
    ['100', ['100']],
  ])('walks from %s up to the city', (code, expected) => {
    expect(regionPath(directory, code)).toEqual(expected);
  });

  it('throws RegionUnknownError for an unknown region', () => {
    expect(() => regionPath(directory, '999')).toThrow(
      expect.objectContaining({ name: 'RegionUnknownError', code: '999', message: 'Unknown region "999"' }),
    );
  });

  it('throws RegionUnknownError naming the child when a parent is missing', () => {
    const broken = {
      ...directory,
      regions: [{ code: '5', name: 'orphan', level: 'grid' as const, parent: '4' }],
    };
    expect(() => regionPath(broken, '5')).toThrow('Unknown region "4" (the parent of "5")');
  });
});

describe('isWithinRegion', () => {
  it.each([
    ['101001001001', '101001001001', true],
    ['101001001001', '101001', true],
    ['101001001001', '100', true],
    ['101001001001', '102', false],
    ['101', '101001', false],
    ['999', '100', false],
  ])('%s within %s is %s', (code, scope, expected) => {
    expect(isWithinRegion(directory, code, scope)).toBe(expected);
  });
});
