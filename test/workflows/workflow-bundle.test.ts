import { bundleWorkflowCode } from '@temporalio/worker';
import { caseWorkflowBundleOptions } from '../../worker/case-workflow-bundle';

const quiet = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe('the workflow bundle', () => {
  let code: string;
  beforeAll(async () => {
    ({ code } = await bundleWorkflowCode({ ...caseWorkflowBundleOptions(), logger: quiet }));
  }, 120_000);

  it('bundles the case workflow with the engine, working time, CEL and luxon into the sandbox', () => {
    for (const module of [
      'workflows/case-workflow.ts',
      'workflows/engine/case/index.ts',
      'workflows/engine/time/index.ts',
      'workflows/engine/expressions.ts',
      'node_modules/luxon',
      'node_modules/@marcbachmann/cel-js',
    ]) {
      expect(code).toContain(module);
    }
    // Holiday rules are expanded when calendars load; the lunar calendar library stays out of the sandbox.
    expect(code).not.toContain('node_modules/tyme4ts');
  });

  it('preloads every engine module once per worker, and no module of the shell', () => {
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(code)?.[1] ?? '';
    const preloaded = [...preload.matchAll(/"\.\/(workflows\/[^"]+)"\)/g)].map((match) => match[1]);
    expect(preloaded).toEqual(
      expect.arrayContaining([
        'workflows/engine/case/index.ts',
        'workflows/engine/time/working-days.ts',
        'workflows/engine/expression-environment.ts',
        'workflows/engine/migration/preview-migration.ts',
      ]),
    );
    expect(preloaded.every((module) => module!.startsWith('workflows/engine/'))).toBe(true);
  });
});
