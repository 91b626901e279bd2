/**
 * The node flags `npm run worker` starts the worker with (package.json's `worker` script, the one place they are
 * written): the V8 heap cap that keeps the worker's memory bounded (config/worker-tuning.ts). The benchmark
 * starts its worker with the same flags, so that it measures what production runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root';

/** The `--flag=value` words of the `worker` script (its NODE_OPTIONS and node's own), in order. */
export function workerNodeFlags(packageJsonPath = path.join(PROJECT_ROOT, 'package.json')): string[] {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.worker ?? '';
  return script.match(/--[a-z][a-z-]*(=[^\s"$]+)?/g) ?? [];
}
