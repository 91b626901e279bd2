import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../config/load-config';
import { workerNodeFlags } from '../../config/worker-node-flags';
import { heapNeededMiB, workerTuningProblems } from '../../config/worker-tuning';

describe("the worker's V8 heap and its workflow cache", () => {
  it('`npm run worker` caps the heap at a size that holds the default cache', () => {
    const flags = workerNodeFlags();
    expect(flags).toContain('--max-old-space-size=256');
    const limitMiB =
      Number(
        execFileSync(
          process.execPath,
          [...flags, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'],
          {
            env: { PATH: process.env.PATH ?? '' },
          },
        ).toString(),
      ) /
      2 ** 20;
    const defaults = loadConfig({}, 'worker').workerTuning;
    expect(limitMiB).toBeGreaterThanOrEqual(heapNeededMiB(defaults));
    expect(limitMiB).toBeLessThan(400);
  });

  it('refuses a cache the heap cannot hold, naming both ways out', () => {
    const tuning = { maxCachedWorkflows: 500, maxConcurrentWorkflowTaskExecutions: 10 };
    expect(workerTuningProblems(tuning, 304)).toEqual([
      'WORKER_MAX_CACHED_WORKFLOWS: 500 cached cases need a V8 heap of at least 439 MiB, this process has 304 MiB; ' +
        'lower the cache or raise the heap (NODE_OPTIONS=--max-old-space-size=439)',
    ]);
    expect(workerTuningProblems(tuning, 1072)).toEqual([]);
    expect(workerTuningProblems({ ...tuning, maxCachedWorkflows: 200 }, 304)).toEqual([]);
    expect(workerTuningProblems(tuning)).toEqual([]);
  });
});
