import { join } from 'node:path';
import { loadDirectory } from '../../../config/directory/load-directory';
import type { Directory, Jurisdiction } from '../../../workflows/engine/directory-model';
import { locateRegion } from '../../../api/open311/locate-region';

describe('locateRegion over the demo directory', () => {
  let directory: Directory;
  let guangzhou: Jurisdiction;
  beforeAll(async () => {
    directory = await loadDirectory(join(__dirname, '../../../config/directory.yaml'));
    guangzhou = directory.jurisdictions![0]!;
  });

  it('finds the grid whose outline contains the point', () => {
    expect(locateRegion(directory, guangzhou, { lat: 23.124, long: 113.2695 })).toBe('440104001001001');
    expect(locateRegion(directory, guangzhou, { lat: 23.126, long: 113.2725 })).toBe('440104001002002');
    expect(locateRegion(directory, guangzhou, { lat: 23.151, long: 113.354 })).toBe('440106002001002');
  });

  it('counts a point on a shared edge as inside the first outline listed', () => {
    expect(locateRegion(directory, guangzhou, { lat: 23.124, long: 113.271 })).toBe('440104001001001');
  });

  it("falls back to the jurisdiction's default region outside every outline or without a point", () => {
    expect(locateRegion(directory, guangzhou, { lat: 39.9, long: 116.4 })).toBe('440106');
    expect(locateRegion(directory, guangzhou)).toBe('440106');
  });

  it("ignores outlines outside the jurisdiction's region and prefers the smallest region", () => {
    const yuexiu: Jurisdiction = { id: 'yuexiu', region: '440104' };
    const point = { lat: 23.151, long: 113.354 };
    expect(locateRegion(directory, yuexiu, point)).toBe('440104');
    const street = [
      [113.2, 23.1],
      [113.3, 23.1],
      [113.3, 23.2],
      [113.2, 23.2],
    ] as const;
    const withStreet: Directory = {
      ...directory,
      boundaries: [{ region: '440104001', polygon: street }, ...(directory.boundaries ?? [])],
    };
    expect(locateRegion(withStreet, yuexiu, { lat: 23.124, long: 113.2695 })).toBe('440104001001001');
    expect(locateRegion(withStreet, yuexiu, { lat: 23.15, long: 113.25 })).toBe('440104001');
  });
});
