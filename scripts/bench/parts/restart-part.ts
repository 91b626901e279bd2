/**
 * The worker killed (SIGKILL) in the middle of a run and started again at once, for the raw baseline and for
 * Fullcycle with the API in its own process (it stays up): how long the longest workflow task took (replay of
 * the cases the new worker picks up included), how many took over 1 s and 5 s, and what the clients saw.
 */
import { readFile } from 'node:fs/promises';
import type { BenchPart } from '../bench-part';
import { deploy, measure, type Measurement, type Side } from '../harness/measure-run';
import { spread } from '../report/stats';
import { counts, markdownTable, num } from '../report/table';

/** Lines of the Temporal worker's warning that a workflow task took over 5 s. */
async function slowTaskWarnings(logFile: string): Promise<number> {
  const log = await readFile(logFile, 'utf8').catch(() => '');
  return log.split('\n').filter((line) => line.includes('TMPRL1104')).length;
}

const tail = (sorted: readonly number[]): string => {
  const { p99, max } = spread(sorted);
  return `${num(p99)} / ${num(max)}`;
};

async function rows(measurements: readonly Measurement[]): Promise<string[][]> {
  const over = (m: Measurement, ms: number) => m.workflowTasks.durationsMs.filter((d) => d > ms).length;
  const warnings = await Promise.all(measurements.map((m) => slowTaskWarnings(m.workerLog)));
  const row = (label: string, cell: (m: Measurement, i: number) => string) => [
    label,
    ...measurements.map((m, i) => cell(m, i)),
  ];
  return [
    row('cases closed / started', (m) => `${num(m.load.closed)} / ${num(m.load.cases)}`),
    row('worker killed after completions', (m) => num(m.restart?.afterCompletions ?? NaN)),
    row('kill → new worker ready, s', (m) => num(m.restart?.downSeconds ?? NaN, 1)),
    row('longest workflow task ms', (m) => num(m.workflowTasks.longest?.ms ?? NaN)),
    row('… its history, events', (m) => num(m.workflowTasks.longest?.historyEvents ?? NaN)),
    row('workflow tasks over 1 s / over 5 s', (m) => `${over(m, 1_000)} / ${over(m, 5_000)}`),
    row('first task on the new worker (replay): cases', (m) => num(m.workflowTasks.firstAfterMs.length)),
    row('… its time p50 / p99 / max ms', (m) => {
      const { p50, p99, max } = spread(m.workflowTasks.firstAfterMs);
      return `${num(p50)} / ${num(p99)} / ${num(max)}`;
    }),
    row('other workflow tasks p50 / p99 ms (the load itself)', (m) => {
      const { p50, p99 } = spread(m.workflowTasks.durationsMs);
      return `${num(p50)} / ${num(p99)}`;
    }),
    row(
      'workflow tasks timed out / failed',
      (m) => `${m.workflowTasks.timedOut} / ${m.workflowTasks.failed}`,
    ),
    row('TMPRL1104 warnings (task over 5 s)', (_m, i) => num(warnings[i]!)),
    row('completion p99 / max ms', (m) => tail(m.load.completionMs)),
    row('read between levels p99 / max ms', (m) => tail(m.load.readMs)),
    row('run, s', (m) => num(m.load.wallSeconds, 1)),
    row('failed attempts by status', (m) => counts(m.load.errors)),
  ];
}

export const restartPart: BenchPart = {
  name: 'restart',
  summary: 'the worker killed and restarted mid-run: the longest workflow task',
  async run(session) {
    const { cases, concurrency } = session.settings.restart;
    const tasksPerCase = (await session.plan()).levels.flat().length;
    const sides: Side[] = [{ kind: 'raw' }, { kind: 'fullcycle', layout: 'split' }];
    const measurements: Measurement[] = [];
    for (const side of sides) {
      const deployment = await deploy(session, side, { label: 'restart' });
      try {
        const restartAfter = Math.floor((cases * tasksPerCase) / 2);
        measurements.push(await measure(session, deployment, { cases, concurrency, restartAfter }));
      } finally {
        await deployment.topology.stop();
      }
    }
    const header = [`${cases} cases, ${concurrency} at a time`, ...measurements.map((m) => m.side)];
    console.log(markdownTable(header, await rows(measurements)));
    for (const m of measurements) {
      for (const failure of m.load.failures) console.log(`  ${m.side}: ${failure}`);
    }
    console.log(`results: ${await session.save('restart', measurements)}`);
  },
};
