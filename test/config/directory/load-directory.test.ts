import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryInvalidError } from '../../../config/directory/directory-errors';
import { loadDirectory, parseDirectory } from '../../../config/directory/load-directory';

/** The problems of an invalid directory text, as `path: message`. */
function problemsOf(text: string): string[] {
  try {
    parseDirectory(text, 'test.yaml');
  } catch (error) {
    expect((error as Error).name).toBe('DirectoryInvalidError');
    return (error as DirectoryInvalidError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected the directory to be invalid');
}

const TREE = `
regions:
  - { code: "440100", name: 广州市, level: city }
  - { code: "440104", name: 越秀区, level: district, parent: "440100" }
  - { code: "440104001", name: 北京街道, level: street, parent: "440104" }
  - { code: "440104001001", name: 大塘社区, level: community, parent: "440104001" }
  - { code: "440104001001001", name: 第1网格, level: grid, parent: "440104001001" }
`;

describe('loadDirectory', () => {
  it('loads the demo directory', async () => {
    const directory = await loadDirectory(join(__dirname, '../../../config/directory.yaml'));
    expect(directory.regions.filter((r) => r.level === 'grid')).toHaveLength(12);
    expect(directory.regions.filter((r) => r.level === 'grid').every((r) => /^\d{15}$/.test(r.code))).toBe(
      true,
    );
    expect(directory.systems.map((s) => s.id)).toContain('district-dispatch');
  });

  it('reports jurisdictions and boundaries that name unknown or wrong regions, twice, or no real polygon', () => {
    const text = `${TREE}
jurisdictions:
  - { id: gz.gov.cn, region: "440100", defaultRegion: "440104001001001" }
  - { id: gz.gov.cn, region: "440199", defaultRegion: "440104" }
  - { id: other, region: "440104001", defaultRegion: "440104" }
boundaries:
  - { region: "440104001001001", polygon: [[113.268, 23.123], [113.271, 23.123], [113.271, 23.125]] }
  - { region: "440104001001001", polygon: [[113.268, 23.123], [113.271, 23.123], [113.268, 23.123]] }
  - { region: "440199", polygon: [[113.268, 23.123], [181, 23.123], [113.271, 23.125]] }
`;
    expect(problemsOf(text)).toEqual(['boundaries[2].polygon[1][0]: Too big: expected number to be <=180']);
    expect(problemsOf(text.replace('[181,', '[113.3,'))).toEqual([
      'jurisdictions[1].id: duplicate jurisdiction id "gz.gov.cn" (first at jurisdictions[0])',
      'jurisdictions[1].region: unknown region "440199"',
      'jurisdictions[2].defaultRegion: "440104" does not lie in the jurisdiction\'s region "440104001"',
      'boundaries[1].region: region "440104001001001" is already outlined (boundaries[0])',
      'boundaries[1].polygon: a polygon needs at least 3 distinct points',
      'boundaries[2].region: unknown region "440199"',
    ]);
  });

  it('reads a file and defaults departments and systems to empty lists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'directory-'));
    try {
      await writeFile(join(dir, 'directory.yaml'), TREE);
      const directory = await loadDirectory(join(dir, 'directory.yaml'));
      expect(directory.regions).toHaveLength(5);
      expect(directory.departments).toEqual([]);
      expect(directory.systems).toEqual([]);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('rejects with the fs error when the file is missing', async () => {
    await expect(loadDirectory('/nonexistent/directory.yaml')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports YAML syntax errors with their line', () => {
    try {
      parseDirectory('regions:\n  - { code: "1", name: x\n', 'broken.yaml');
      throw new Error('expected an error');
    } catch (error) {
      const invalid = error as DirectoryInvalidError;
      expect(invalid.name).toBe('DirectoryInvalidError');
      expect(invalid.problems[0]).toMatchObject({ path: '(yaml)', line: expect.any(Number) });
      expect(invalid.message).toContain('Invalid directory broken.yaml');
    }
  });

  it('lists every shape problem at once, with paths and lines', () => {
    const text = `
regions:
  - { code: 440100, name: 广州市, level: city }
  - { code: "440104", name: 越秀区, level: county, parent: "440100" }
departments:
  - { id: a, name: A, region: "440100", roles: [x], phone: "12345" }
systems:
  - { id: s, url: "ftp://example.org" }
  - { id: t, url: "not a url", tokenEnv: lower }
`;
    expect(problemsOf(text)).toEqual([
      'regions[0].code: expected a string (quote codes in YAML: "440100")',
      expect.stringMatching(/^regions\[1\]\.level: .*"grid"/),
      expect.stringMatching(/^departments\[0\]: Unrecognized key: "phone"/),
      'systems[0].url: must be an absolute http:// or https:// URL',
      'systems[1].url: must be an absolute http:// or https:// URL',
      'systems[1].tokenEnv: must be an environment variable name (A-Z, 0-9, _)',
    ]);
    try {
      parseDirectory(text, 'shape.yaml');
    } catch (error) {
      expect((error as DirectoryInvalidError).problems[0]).toMatchObject({ line: 3 });
    }
  });

  it('lists every cross-reference problem at once', () => {
    const text = `${TREE}
  - { code: "440104001001", name: 重复社区, level: community, parent: "440104001" }
  - { code: "440199", name: 孤儿区, level: district, parent: "449999" }
  - { code: "440104009", name: 错层街道, level: street, parent: "440100" }
  - { code: "440104001001009", name: 网格在街道下, level: grid, parent: "440104001" }
  - { code: "440000", name: 广东省, level: city, parent: "440100" }
  - { code: "440105", name: 无父区, level: district }
departments:
  - { id: d1, name: D1, region: "440104", roles: [sanitation, sanitation] }
  - { id: d1, name: D1 again, region: "440104", roles: [supervisor] }
  - { id: d2, name: D2, region: "440104", roles: [sanitation] }
  - { id: d3, name: D3, region: "999999", roles: [x] }
systems:
  - { id: s, url: "http://127.0.0.1:4010" }
  - { id: s, url: "https://example.org/api" }
`;
    expect(problemsOf(text)).toEqual([
      'regions[5].code: duplicate region code "440104001001" (first at regions[3])',
      'regions[6].parent: unknown parent region "449999"',
      'regions[7].parent: the parent of a street must be a district, but "440100" (广州市) is a city',
      'regions[8].parent: the parent of a grid must be a community, but "440104001" (北京街道) is a street',
      'regions[9].parent: a city is the top of the tree and has no parent',
      'regions[10]: a district needs a parent (a city)',
      'departments[0].roles[1]: role "sanitation" is listed twice',
      'departments[1].id: duplicate department id "d1" (first at departments[0])',
      'departments[2].roles[0]: role "sanitation" in region "440104" is already held by "d1" (departments[0]): ' +
        'resolving it there would be ambiguous',
      'departments[3].region: unknown region "999999"',
      'systems[1].id: duplicate system id "s" (first at systems[0])',
    ]);
  });

  it('accepts a department whose region level differs from where its role is usually asked for', () => {
    const text = `${TREE}
departments:
  - { id: grid-hotline, name: 网格热线, region: "440104001001001", roles: [hotline] }
  - { id: city-inspector, name: 市监督员, region: "440100", roles: [inspector] }
`;
    expect(parseDirectory(text, 'ok.yaml').departments).toHaveLength(2);
  });

  it('names the file and every problem in the error message', () => {
    expect(() =>
      parseDirectory(`${TREE}\ndepartments:\n  - { id: d, name: D, region: "1", roles: [] }\n`, 'dir.yaml'),
    ).toThrow(
      /Invalid directory dir\.yaml \(1 problem\):\n- departments\[0\]\.region \(line 10\): unknown region "1"/,
    );
  });
});
