/**
 * Builds the web workbench (web/ → web/dist) with Vite, and knows when a build is stale: a hash of the app's
 * sources and the lock file is written beside the build, so `npm run dev` and the browser tests build only when
 * something changed (a build takes seconds). `tsx scripts/web/build-web-app.ts` builds unconditionally.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/project-root';

export const WEB_DIR = path.join(PROJECT_ROOT, 'web');
export const WEB_DIST_DIR = path.join(WEB_DIR, 'dist');
const HASH_FILE = path.join(WEB_DIST_DIR, '.build-hash');
/** Generated types only matter to the type check, not to the bundle. */
const IGNORED = new Set(['dist', 'openapi.gen.ts']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !IGNORED.has(entry.name))
      .map((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? filesUnder(full) : Promise.resolve([full]);
      }),
  );
  return nested.flat().sort();
}

/** A hash of everything the bundle is made from. */
export async function webSourcesHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await filesUnder(WEB_DIR)), path.join(PROJECT_ROOT, 'package-lock.json')];
  for (const file of files) {
    hash.update(path.relative(PROJECT_ROOT, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Runs `vite build`; rejects with Vite's output when it fails. */
export async function buildWebApp(): Promise<void> {
  const hash = await webSourcesHash();
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', path.join(WEB_DIR, 'vite.config.mts')],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed:\n${Buffer.concat(output).toString()}`);
  await writeFile(HASH_FILE, hash);
}

/** Builds the app unless web/dist already holds a build of the current sources; true when it built. */
export async function ensureWebAppBuilt(): Promise<boolean> {
  const [built, current] = await Promise.all([
    readFile(HASH_FILE, 'utf8').catch(() => undefined),
    webSourcesHash(),
  ]);
  if (built === current) return false;
  await buildWebApp();
  return true;
}

if (require.main === module) {
  buildWebApp().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
