import { bundleWorkflowCode } from '@temporalio/worker';

describe('the workflow bundle', () => {
  it('bundles the case workflow with the engine, working time, CEL and luxon into the sandbox', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    });
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
  }, 120_000);
});
