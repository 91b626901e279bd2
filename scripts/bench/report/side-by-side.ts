/**
 * The side-by-side table of measured runs: the raw baseline first, then each Fullcycle layout with its ratio to
 * the baseline. Every ratio reads "times worse than raw" (throughput: raw ÷ Fullcycle; latency, memory, CPU:
 * Fullcycle ÷ raw), so 1.3× is the target for both tasks per second and p99.
 */
import type { Measurement } from '../harness/measure-run';
import type { ProcessUsage } from '../harness/process-sampler';
import { spread } from './stats';
import { counts, markdownTable, num, ratio } from './table';

interface Row {
  readonly label: string;
  /** The number the ratio is taken of; undefined when it does not apply to that side. */
  readonly value: (m: Measurement) => number | undefined;
  /** What the cell shows; by default the value. */
  readonly show?: (m: Measurement) => string;
  /** Ratio direction: `lower` when a lower number is better (latency), `higher` when higher is (throughput). */
  readonly better?: 'lower' | 'higher';
}

const usageOf = (m: Measurement, name: string): ProcessUsage | undefined => m.usage[name];
/** The worker's process: `worker`, or `API+worker` when both share one. */
const workerUsage = (m: Measurement) => usageOf(m, 'worker') ?? usageOf(m, 'API+worker');
const perHundredTasks = (m: Measurement, usage: ProcessUsage | undefined) =>
  usage === undefined ? undefined : (usage.cpuSeconds / m.load.tasks) * 100;
/** The processes that serve the load (workers, API, Temporal server) as one. */
const serverSide = (m: Measurement): ProcessUsage => {
  const serving = Object.entries(m.usage)
    .filter(([name]) => name !== 'driver')
    .map(([, usage]) => usage);
  return {
    peakRssMiB: serving.reduce((sum, usage) => sum + usage.peakRssMiB, 0),
    lastRssMiB: serving.reduce((sum, usage) => sum + usage.lastRssMiB, 0),
    cpuSeconds: serving.reduce((sum, usage) => sum + usage.cpuSeconds, 0),
  };
};
const latency = (m: Measurement) => spread(m.load.completionMs);
const workflowTasks = (m: Measurement) => spread(m.workflowTasks.durationsMs);

/** CPU seconds a process spent per 100 department tasks. */
function cpuRow(
  who: string,
  usage: (m: Measurement) => ProcessUsage | undefined,
  better?: Row['better'],
): Row {
  const value = (m: Measurement) => perHundredTasks(m, usage(m));
  return {
    label: `CPU s per 100 tasks: ${who}`,
    value,
    show: (m) => num(value(m) ?? NaN, 2),
    ...(better === undefined ? {} : { better }),
  };
}

const ROWS: readonly Row[] = [
  {
    label: 'cases closed / started',
    value: (m) => m.load.closed,
    show: (m) => `${num(m.load.closed)} / ${num(m.load.cases)}`,
  },
  {
    label: 'department tasks per second',
    value: (m) => m.load.tasks / m.load.wallSeconds,
    show: (m) => num(m.load.tasks / m.load.wallSeconds, 1),
    better: 'higher',
  },
  { label: 'completion p50 ms', value: (m) => latency(m).p50, better: 'lower' },
  { label: 'completion p95 ms', value: (m) => latency(m).p95, better: 'lower' },
  { label: 'completion p99 ms', value: (m) => latency(m).p99, better: 'lower' },
  { label: 'completion max ms', value: (m) => latency(m).max, better: 'lower' },
  { label: 'case start p50 ms', value: (m) => spread(m.load.startMs).p50, better: 'lower' },
  { label: 'case start p99 ms', value: (m) => spread(m.load.startMs).p99, better: 'lower' },
  { label: 'read between levels p50 ms', value: (m) => spread(m.load.readMs).p50, better: 'lower' },
  { label: 'read between levels p99 ms', value: (m) => spread(m.load.readMs).p99, better: 'lower' },
  { label: 'failed attempts by status', value: () => undefined, show: (m) => counts(m.load.errors) },
  { label: 'workflow task p50 ms', value: (m) => workflowTasks(m).p50, better: 'lower' },
  { label: 'workflow task p99 ms', value: (m) => workflowTasks(m).p99, better: 'lower' },
  { label: 'workflow task max ms', value: (m) => workflowTasks(m).max, better: 'lower' },
  {
    label: 'history events per task',
    value: (m) => m.workflowTasks.historyEvents / m.load.tasks,
    show: (m) => num(m.workflowTasks.historyEvents / m.load.tasks, 1),
    better: 'lower',
  },
  {
    label: 'history KB per case',
    value: (m) => m.workflowTasks.historyBytes / 1024 / m.load.cases,
    show: (m) => num(m.workflowTasks.historyBytes / 1024 / m.load.cases, 1),
    better: 'lower',
  },
  {
    label: 'search attribute upserts per case',
    value: (m) => m.workflowTasks.searchAttributeUpserts / m.load.cases,
    show: (m) => num(m.workflowTasks.searchAttributeUpserts / m.load.cases, 1),
  },
  {
    label: 'workflow tasks per task',
    value: (m) => m.workflowTasks.durationsMs.length / m.load.tasks,
    show: (m) => num(m.workflowTasks.durationsMs.length / m.load.tasks, 2),
    better: 'lower',
  },
  {
    label: 'worker RSS peak MiB (1 process: API+worker)',
    value: (m) => workerUsage(m)?.peakRssMiB,
    better: 'lower',
  },
  { label: 'API RSS peak MiB', value: (m) => usageOf(m, 'API')?.peakRssMiB },
  cpuRow('worker (or API+worker)', workerUsage, 'lower'),
  cpuRow('API', (m) => usageOf(m, 'API')),
  cpuRow('Temporal server', (m) => usageOf(m, 'Temporal server'), 'lower'),
  cpuRow('all but the driver', serverSide, 'lower'),
  cpuRow('driver (clients)', (m) => usageOf(m, 'driver')),
];

function ratioCell(row: Row, m: Measurement, baseline: Measurement): string {
  const value = row.value(m);
  const base = row.value(baseline);
  if (row.better === undefined || value === undefined || base === undefined) return '';
  return row.better === 'higher' ? ratio(base, value) : ratio(value, base);
}

/** The table: one column per run, each Fullcycle run followed by its ratio to `baseline`. */
export function sideBySideTable(
  title: string,
  baseline: Measurement,
  others: readonly Measurement[],
): string {
  const header = [title, baseline.side, ...others.flatMap((m) => [m.side, 'vs raw'])];
  const cell = (row: Row, m: Measurement) => row.show?.(m) ?? num(row.value(m) ?? NaN);
  const rows = ROWS.map((row) => [
    row.label,
    cell(row, baseline),
    ...others.flatMap((m) => [cell(row, m), ratioCell(row, m, baseline)]),
  ]);
  return markdownTable(header, rows);
}

/** Per event type, per case: how many events and their bytes (count / bytes), each side; the heaviest first. */
export function eventTypeTable(title: string, runs: readonly Measurement[]): string {
  const types = [...new Set(runs.flatMap((m) => Object.keys(m.workflowTasks.byEventType)))];
  const bytesOf = (type: string) =>
    Math.max(...runs.map((m) => (m.workflowTasks.byEventType[type]?.bytes ?? 0) / m.load.cases));
  const rows = types
    .sort((a, b) => bytesOf(b) - bytesOf(a))
    .map((type) => [
      type,
      ...runs.map((m) => {
        const ofType = m.workflowTasks.byEventType[type];
        if (ofType === undefined) return '–';
        return `${num(ofType.events / m.load.cases, 1)} / ${num(ofType.bytes / m.load.cases)} B`;
      }),
    ]);
  return markdownTable([`${title}: events / bytes per case`, ...runs.map((m) => m.side)], rows);
}
