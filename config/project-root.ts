/** The folder holding the project's package.json, found upward from this file (works from source and dist/). */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Absolute path of the project root; default data paths are relative to it. */
export const PROJECT_ROOT = findProjectRoot(__dirname);
