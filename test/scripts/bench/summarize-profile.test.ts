import type { CpuProfile } from '../../../scripts/bench/cpu-profile/cpu-profile-model';
import { summarizeProfile } from '../../../scripts/bench/cpu-profile/summarize-profile';

const ROOT = '/repo';
const frame = (functionName: string, url = '', lineNumber = -1) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
  scriptId: '1',
});

/**
 * root → handle (/repo/dist/api/routes/x.js) → caseView (/repo/workflows/engine/case/case-view.ts)
 *                                          → format (node_modules/luxon) → caseView (recursion)
 *      → (idle), (garbage collector)
 */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 7] },
    { id: 2, callFrame: frame('handle', 'file:///repo/dist/api/routes/x.js', 9), children: [3] },
    { id: 3, callFrame: frame('caseView', '/repo/workflows/engine/case/case-view.ts', 55), children: [4] },
    { id: 4, callFrame: frame('format', '/repo/node_modules/luxon/src/datetime.js', 99), children: [5] },
    { id: 5, callFrame: frame('caseView', '/repo/workflows/engine/case/case-view.ts', 55) },
    { id: 6, callFrame: frame('(idle)') },
    { id: 7, callFrame: frame('(garbage collector)') },
  ],
  startTime: 0,
  endTime: 100_000,
  // Each sample's time is the delta that follows it: 10 ms each, the last one 0.
  samples: [2, 3, 4, 5, 4, 6, 6, 7, 3],
  timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(PROFILE, { root: ROOT });
  const fn = (name: string) => summary.functions.find((f) => f.name === name)!;

  it('counts self time where the sample was taken and total time once per sample up the stack', () => {
    expect(fn('format')).toMatchObject({ selfMs: 20, totalMs: 30 });
    // In the recursion caseView → format → caseView, the sample counts once for caseView's total.
    expect(fn('caseView')).toMatchObject({ selfMs: 20, totalMs: 40 });
    expect(fn('handle')).toMatchObject({ selfMs: 10, totalMs: 50 });
  });

  it('leaves idle out of busy time and reports garbage collection', () => {
    expect(summary.idleMs).toBe(20);
    expect(summary.gcMs).toBe(10);
    expect(summary.busyMs).toBe(60);
    expect(summary.wallMs).toBe(100);
  });

  it('names locations relative to the project and groups self time by package or folder', () => {
    expect(fn('caseView').location).toBe('workflows/engine/case/case-view.ts:56');
    expect(fn('format').location).toBe('luxon/src/datetime.js:100');
    expect(fn('handle').area).toBe('api/routes');
    expect(Object.fromEntries(summary.areas.map(({ area, selfMs }) => [area, selfMs]))).toEqual({
      luxon: 20,
      'workflows/engine/case': 20,
      'api/routes': 10,
      V8: 10,
    });
  });

  it('counts only the samples inside a window when given one', () => {
    const windowed = summarizeProfile(PROFILE, { root: ROOT, window: { fromUs: 25_000, toUs: 45_000 } });
    // Samples at 30 ms (caseView) and 40 ms (format).
    expect(windowed.functions.find((f) => f.name === 'format')).toMatchObject({ selfMs: 10 });
    expect(windowed.functions.find((f) => f.name === 'caseView')).toMatchObject({ selfMs: 10 });
    expect(windowed.busyMs).toBe(20);
    expect(windowed.wallMs).toBe(20);
  });

  it('sees through a bundle with the locations it is given', () => {
    const located = summarizeProfile(PROFILE, {
      root: ROOT,
      locate: (callFrame) =>
        callFrame.url.endsWith('datetime.js')
          ? { file: '/repo/node_modules/luxon/src/zones.js', line: 7 }
          : undefined,
    });
    expect(located.functions.find((f) => f.name === 'format')!.location).toBe('luxon/src/zones.js:7');
  });
});
