/** Markdown tables of profile summaries: top functions by self or total time, areas, and a before/after. */
import { markdownTable, num } from '../report/table';
import type { FunctionTime, ProfileSummary } from './summarize-profile';

const share = (ms: number, summary: ProfileSummary): string =>
  `${((100 * ms) / summary.busyMs).toFixed(1)} %`;

/** One line: how busy the thread was. */
export function busyLine(summary: ProfileSummary): string {
  return (
    `busy ${num(summary.busyMs / 1000, 1)} s of ${num(summary.wallMs / 1000, 1)} s ` +
    `(${((100 * summary.busyMs) / summary.wallMs).toFixed(0)} %), GC ${share(summary.gcMs, summary)} of busy`
  );
}

/** The `top` functions by self time (or total time), with their share of the thread's busy time. */
export function functionTable(summary: ProfileSummary, top: number, by: 'self' | 'total' = 'self'): string {
  const sorted = [...summary.functions].sort((a, b) =>
    by === 'self' ? b.selfMs - a.selfMs : b.totalMs - a.totalMs,
  );
  const rows = sorted
    .slice(0, top)
    .map((fn) => [fn.name, fn.location, share(fn.selfMs, summary), share(fn.totalMs, summary)]);
  return markdownTable(['function', 'where', 'self', 'total'], rows);
}

/** Self time by area (package or project folder). */
export function areaTable(summary: ProfileSummary, top: number): string {
  const rows = summary.areas
    .slice(0, top)
    .map(({ area, selfMs }) => [area, num(selfMs), share(selfMs, summary)]);
  return markdownTable(['area', 'self ms', 'self'], rows);
}

/** The functions in either profile's top `top` by self time, with their self and total share before and after. */
export function comparisonTable(before: ProfileSummary, after: ProfileSummary, top: number): string {
  const key = (fn: FunctionTime) => `${fn.name} ${fn.location}`;
  const index = (summary: ProfileSummary) => new Map(summary.functions.map((fn) => [key(fn), fn]));
  const [was, now] = [index(before), index(after)];
  const keys = [...new Set([...before.functions.slice(0, top), ...after.functions.slice(0, top)].map(key))];
  const cell = (summary: ProfileSummary, fn: FunctionTime | undefined, ms: (f: FunctionTime) => number) =>
    fn === undefined ? '–' : share(ms(fn), summary);
  const rows = keys.map((k) => {
    const fn = (now.get(k) ?? was.get(k))!;
    return [
      fn.name,
      fn.location,
      cell(before, was.get(k), (f) => f.selfMs),
      cell(after, now.get(k), (f) => f.selfMs),
      cell(before, was.get(k), (f) => f.totalMs),
      cell(after, now.get(k), (f) => f.totalMs),
    ];
  });
  return markdownTable(
    ['function', 'where', 'self before', 'self after', 'total before', 'total after'],
    rows,
  );
}
