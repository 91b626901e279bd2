/** The pure engine driving each reference flow's case from intake to closure, as the shell would. */
import { performance } from 'node:perf_hooks';
import { buildCaseInput } from '../../../api/cases/build-case-input';
import { loadConfig } from '../../../config/load-config';
import { loadServiceData } from '../../../config/load-service-data';
import { REFERENCE_CASES } from '../../../test/helpers/reference-cases';
import type { BenchPart } from '../bench-part';
import { driveEngineToClosure } from '../harness/drive-engine';
import { markdownTable, num } from '../report/table';

const INTAKE = { sub: 'bench', role: 'intake' } as const;

export const enginePart: BenchPart = {
  name: 'engine',
  summary: 'the pure engine: each reference case from intake to closure',
  async run(session) {
    const service = await loadServiceData(loadConfig({}, 'cli').data);
    const runs = session.settings.engineRuns;
    const rows: string[][] = [];
    const results: Record<string, unknown> = {};
    for (const [flowId, reference] of Object.entries(REFERENCE_CASES)) {
      const input = buildCaseInput(service, { caseId: 'BENCH', ...reference.fields }, INTAKE);
      let transitions = 0;
      let stateBytes = 0;
      const started = performance.now();
      for (let i = 0; i < runs; i += 1) {
        const outcome = driveEngineToClosure({ ...input, caseId: `BENCH-${i}` }, reference.results ?? {});
        transitions += outcome.transitions;
        stateBytes = outcome.stateBytes;
      }
      const ms = performance.now() - started;
      rows.push([flowId, num(ms / runs, 2), num((ms * 1000) / transitions), num(stateBytes)]);
      results[flowId] = {
        msPerCase: ms / runs,
        microsecondsPerTransition: (ms * 1000) / transitions,
        stateBytes,
      };
    }
    console.log(markdownTable(['flow', 'ms per case', 'µs per transition', 'state bytes at closure'], rows));
    await session.save('engine', { runs, flows: results });
  },
};
