import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Places outside the repository that files once pointed at: someone who clones it has none of them. Written in
 * pieces so that this file does not name them itself.
 */
const OUTSIDE = [
  ['..', 'shared', ''].join('/'),
  ['shared', 'design'].join('/'),
  ['shared', 'reference'].join('/'),
];

/** Tracked files and new files not ignored: what a clone (or the next commit) holds. */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(listed.split('\0').filter((file) => file !== ''))];
}

describe('the repository stands alone', () => {
  it('has no file that points at a folder outside it (cite docs/flow-language.md or docs/api.md instead)', () => {
    const files = repositoryFiles();
    expect(files).toContain('docs/flow-language.md');
    const offending = files.flatMap((file) => {
      const path = join(ROOT, file);
      if (!existsSync(path)) return [];
      const content = readFileSync(path);
      if (content.includes(0)) return [];
      const text = content.toString('utf8');
      return OUTSIDE.filter((place) => text.includes(place)).map((place) => `${file}: ${place}`);
    });
    expect(offending).toEqual([]);
  });

  it('carries the flow-language reference and the API guide, linked from the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('docs/flow-language.md');
    expect(readme).toContain('docs/api.md');
  });
});
