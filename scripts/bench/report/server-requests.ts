/**
 * What the Temporal server is asked to do during a run, from its own Prometheus counters: the gRPC requests each
 * of its services served (`service_requests`: the frontend's are what workers, API and clients ask, long polls
 * included; history's and matching's what the frontend passes on), its persistence and visibility operations and
 * the history service's queue tasks (transfer, timer, visibility), each by operation. The counters are read before
 * and after a run; their difference per case, raw against Fullcycle, is the table.
 */
import { markdownTable, num } from './table';

/** The counters counted, each by the labels that name an operation. */
export const SERVER_COUNTERS = [
  'service_requests',
  'persistence_requests',
  'visibility_persistence_requests',
  'task_requests',
] as const;

/** Counter values summed by `<counter> <service> <operation>` (other labels summed over). */
export type ServerCounts = Readonly<Record<string, number>>;

/** The dev server's own system workers (scanners, the per-namespace worker) work in this namespace, not ours. */
const SYSTEM_NAMESPACE = 'temporal_system';

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * The counters of `SERVER_COUNTERS` in a Prometheus text exposition, summed by counter, service and operation;
 * samples of the server's system namespace are left out.
 */
export function parseServerCounts(text: string): ServerCounts {
  const counts: Record<string, number> = {};
  const wanted = new Set<string>(SERVER_COUNTERS);
  for (const line of text.split('\n')) {
    const sample = SAMPLE.exec(line);
    if (sample === null || !wanted.has(sample[1]!)) continue;
    const labels = Object.fromEntries(
      [...(sample[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]),
    );
    if (labels.namespace === SYSTEM_NAMESPACE) continue;
    const value = Number(sample[3]);
    if (!Number.isFinite(value)) continue;
    const key = [sample[1], labels.service_name ?? '', labels.operation ?? ''].join(' ');
    counts[key] = (counts[key] ?? 0) + value;
  }
  return counts;
}

/** What each counter grew by from `before` to `after` (counters only grow; a counter new in `after` from 0). */
export function countsDelta(before: ServerCounts, after: ServerCounts): ServerCounts {
  return Object.fromEntries(
    Object.entries(after)
      .map(([key, value]) => [key, value - (before[key] ?? 0)] as const)
      .filter(([, grown]) => grown > 0),
  );
}

/** A run's counts for the table. */
export interface ServerRequestsOfRun {
  readonly side: string;
  readonly cases: number;
  /** What the counters grew by during the run; absent when the server had no metrics port. */
  readonly requests?: ServerCounts;
}

const SHORT_COUNTER: Readonly<Record<string, string>> = {
  service_requests: 'request',
  persistence_requests: 'persistence',
  visibility_persistence_requests: 'visibility',
  task_requests: 'queue task',
};

/** `service_requests frontend PollWorkflowTaskQueue` as `request frontend PollWorkflowTaskQueue`. */
function rowLabel(key: string): string {
  const [counter = '', ...rest] = key.split(' ');
  return [SHORT_COUNTER[counter] ?? counter, ...rest].filter((part) => part !== '').join(' ');
}

/**
 * Per case, each run a column: the totals of each counter first, then each counter by service and operation, the
 * rows where the first run and the others differ most first; rows under `minPerCase` on every side are left out
 * (counted in the last row), as are rows past `maxRows`.
 */
export function serverRequestTable(
  title: string,
  runs: readonly ServerRequestsOfRun[],
  options: { readonly minPerCase?: number; readonly maxRows?: number } = {},
): string | undefined {
  const counted = runs.filter((run) => run.requests !== undefined);
  if (counted.length < 2) return undefined;
  const minPerCase = options.minPerCase ?? 0.05;
  const maxRows = options.maxRows ?? 30;
  const perCase = (run: ServerRequestsOfRun, key: string) => (run.requests![key] ?? 0) / run.cases;
  const totalPerCase = (run: ServerRequestsOfRun, counter: string) =>
    Object.entries(run.requests!)
      .filter(([key]) => key.startsWith(`${counter} `))
      .reduce((sum, [, value]) => sum + value, 0) / run.cases;
  const keys = [...new Set(counted.flatMap((run) => Object.keys(run.requests!)))];
  const [first, ...others] = counted;
  const difference = (key: string) =>
    Math.max(...others.map((run) => Math.abs(perCase(run, key) - perCase(first!, key))));
  const shown = keys.filter((key) => counted.some((run) => perCase(run, key) >= minPerCase));
  const sorted = shown.sort((a, b) => difference(b) - difference(a) || a.localeCompare(b));
  const rows = [
    ...SERVER_COUNTERS.map((counter) => [
      `all: ${SHORT_COUNTER[counter]}`,
      ...counted.map((run) => num(totalPerCase(run, counter), 1)),
    ]),
    ...sorted
      .slice(0, maxRows)
      .map((key) => [rowLabel(key), ...counted.map((run) => num(perCase(run, key), 2))]),
  ];
  const left = keys.length - Math.min(sorted.length, maxRows);
  if (left > 0)
    rows.push([`(${left} more rows, each under ${minPerCase} per case or past the first ${maxRows})`]);
  return markdownTable([`${title}: per case`, ...counted.map((run) => run.side)], rows);
}
