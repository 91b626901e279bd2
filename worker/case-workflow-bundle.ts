/**
 * How the case workflows are bundled, wherever a bundle is made (the worker at start, the test setup, replay, the
 * bench): the same workflows with the pure engine preloaded.
 *
 * With the SDK's reused V8 context, every module a workflow imports is evaluated again for each workflow run the
 * worker caches, unless the bundle preloads it: then one copy, evaluated once per worker thread, serves every
 * case. The engine (`workflows/engine/`, with luxon and CEL, which it imports) is ~80 % of a cached case's heap
 * when evaluated per case (docs/benchmarks.md, "Memory"). Preloading is safe for it because the engine is pure:
 * no Temporal import (lint-enforced), time passed in as `now`, and its only module-level state is caches of pure
 * functions of their keys (parsed CEL expressions by source, working days by calendar content, directory
 * indexes), which give every case the same answer whoever filled them. The SDK deep-freezes what preloaded
 * modules export, so engine code must never mutate an exported object.
 */
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type BundleOptions } from '@temporalio/worker';

/** The workflows' entry module (`workflows/index`, compiled or not). */
export const CASE_WORKFLOWS_PATH = require.resolve('../workflows');

/** Every module of the engine folder next to `workflowsPath`, as absolute paths in a stable order. */
export function engineModules(workflowsPath: string): string[] {
  const engineDir = path.join(path.dirname(workflowsPath), 'engine');
  return readdirSync(engineDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts') && !/\.test\.[tj]s$/.test(file))
    .map((file) => path.join(engineDir, file))
    .sort();
}

/** Bundle options of the case workflows at `workflowsPath` (the project's own by default). */
export function caseWorkflowBundleOptions(
  workflowsPath: string = CASE_WORKFLOWS_PATH,
): Required<Pick<BundleOptions, 'workflowsPath' | 'preloadModules'>> {
  return { workflowsPath, preloadModules: engineModules(workflowsPath) };
}

/** The bundle `npm run build` writes next to the compiled worker (scripts/build-workflow-bundle.ts). */
export const PREBUILT_BUNDLE_FILE = 'case-workflows.bundle.js';

/** The bundle of the build this module belongs to, if `npm run build` wrote one; else the worker bundles at start. */
export function prebuiltCaseWorkflowBundle(): { codePath: string } | undefined {
  const codePath = path.join(__dirname, PREBUILT_BUNDLE_FILE);
  return existsSync(codePath) ? { codePath } : undefined;
}

/** Bundles the workflows with `options` into `file`; answers the file. */
export async function writeWorkflowBundle(options: BundleOptions, file: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ logger: new DefaultLogger('ERROR'), ...options });
  await writeFile(file, code);
  return file;
}
