/** Working-time arithmetic: `addDuration` on the mainland calendar, 4 working hours or 5 working days. */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../../config/load-config';
import { loadServiceData } from '../../../config/load-service-data';
import { addDuration, parseDuration } from '../../../workflows/engine/time';
import type { BenchPart } from '../bench-part';
import { markdownTable, num } from '../report/table';

export const workingTimePart: BenchPart = {
  name: 'working-time',
  summary: 'working-time arithmetic (addDuration on cn-mainland)',
  async run(session) {
    const { calendars } = await loadServiceData(loadConfig({}, 'cli').data);
    const calendar = calendars.get('cn-mainland')!;
    const fourHours = parseDuration('4h');
    const fiveDays = parseDuration('5d');
    const year = Date.parse('2026-01-01T00:00:00+08:00');
    const runs = session.settings.workingTimeRuns;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) {
      const start = year + ((i * 7_919_993) % (365 * 86_400_000));
      addDuration(calendar, start, i % 2 === 0 ? fourHours : fiveDays, 'working');
    }
    const microseconds = ((performance.now() - started) * 1000) / runs;
    console.log(
      markdownTable(['what', 'calls', 'µs per call'], [['addDuration', num(runs), num(microseconds, 1)]]),
    );
    await session.save('working-time', { runs, microsecondsPerCall: microseconds });
  },
};
