/**
 * Where a thread's time went, from its `.cpuprofile`: self time (samples in the function itself) and total time
 * (samples with the function anywhere on the stack, counted once per sample) per function, the same grouped by
 * source area (a package, or a folder of the project), and the thread's busy, idle and GC time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallFrame, CpuProfile, ProfileNode } from './cpu-profile-model';

/** Where a frame's code was written; undefined when unknown. Used to see through a bundle's source map. */
export type LocateFrame = (frame: CallFrame) => { readonly file: string; readonly line: number } | undefined;

export interface FunctionTime {
  readonly name: string;
  /** `file:line`, relative to the project root, or `node_modules/<package>/…`. */
  readonly location: string;
  /** The package (`luxon`, `@temporalio/workflow`), folder of the project (`workflows/engine/case`), or `V8`. */
  readonly area: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

export interface ProfileSummary {
  readonly wallMs: number;
  /** Everything but idle: JS, native code (`(program)`) and GC. */
  readonly busyMs: number;
  readonly idleMs: number;
  readonly gcMs: number;
  /** Every function, most self time first. */
  readonly functions: readonly FunctionTime[];
  /** Self time by area, most first. */
  readonly areas: readonly { readonly area: string; readonly selfMs: number }[];
}

export interface SummarizeOptions {
  /** The project root, for relative locations (default: the working directory). */
  readonly root?: string;
  readonly locate?: LocateFrame;
  /**
   * Only the samples taken in this window, in microseconds of the monotonic clock V8 stamps profiles with (the
   * clock of `process.hrtime`, shared by every process of the machine): e.g. while a load ran, leaving startup
   * out.
   */
  readonly window?: { readonly fromUs: number; readonly toUs: number };
}

const V8_FRAMES = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

function filePath(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url;
}

/** Location and area of a source file. */
function placeOf(file: string, line: number, root: string): { location: string; area: string } {
  if (file === '') return { location: '', area: 'V8' };
  if (file.startsWith('node:')) return { location: `${file}:${line}`, area: 'node' };
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  if (packaged) return { location: `${packaged[1]}/${packaged[2]}:${line}`, area: packaged[1]! };
  const relative = path.isAbsolute(file) ? path.relative(root, file) : file;
  const inProject = relative.replace(/^dist\//, '');
  const folder = path.dirname(inProject);
  return { location: `${relative}:${line}`, area: folder === '.' ? inProject : folder };
}

/** Self and total time per function, busy/idle/GC time, and self time per area. */
export function summarizeProfile(profile: CpuProfile, options: SummarizeOptions = {}): ProfileSummary {
  const root = options.root ?? process.cwd();
  const byId = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const functions = new Map<
    string,
    { name: string; location: string; area: string; self: number; total: number }
  >();
  const keyOf = new Map<number, string | undefined>();
  const functionKey = (node: ProfileNode): string | undefined => {
    if (keyOf.has(node.id)) return keyOf.get(node.id);
    const frame = node.callFrame;
    let key: string | undefined;
    if (frame.functionName !== '(root)') {
      const located = V8_FRAMES.has(frame.functionName) ? undefined : options.locate?.(frame);
      const file = located?.file ?? filePath(frame.url);
      const place = placeOf(file, located?.line ?? frame.lineNumber + 1, root);
      const name = frame.functionName || '(anonymous)';
      key = `${name} ${place.location}`;
      if (!functions.has(key)) functions.set(key, { name, ...place, self: 0, total: 0 });
    }
    keyOf.set(node.id, key);
    return key;
  };
  const chains = new Map<number, readonly string[]>();
  /** The distinct functions on the stack of `id`, innermost first. */
  const chainOf = (id: number): readonly string[] => {
    const known = chains.get(id);
    if (known) return known;
    const parent = parentOf.get(id);
    const above = parent === undefined ? [] : chainOf(parent);
    const key = functionKey(byId.get(id)!);
    const chain = key === undefined || above.includes(key) ? above : [key, ...above];
    chains.set(id, chain);
    return chain;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const fromUs = Math.max(profile.startTime, options.window?.fromUs ?? -Infinity);
  const toUs = Math.min(profile.endTime, options.window?.toUs ?? Infinity);
  let idleUs = 0;
  let gcUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) {
    at += deltas[i] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const interval = deltas[i + 1] ?? 0;
    const node = byId.get(samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += interval;
      continue;
    }
    if (node.callFrame.functionName === '(garbage collector)') gcUs += interval;
    const own = functionKey(node);
    if (own === undefined) continue;
    functions.get(own)!.self += interval;
    for (const key of chainOf(node.id)) functions.get(key)!.total += interval;
  }

  const wallUs = Math.max(0, toUs - fromUs);
  const listed = [...functions.values()]
    .map(({ name, location, area, self, total }) => ({
      name,
      location,
      area,
      selfMs: self / 1000,
      totalMs: total / 1000,
    }))
    .sort((a, b) => b.selfMs - a.selfMs);
  const areas = new Map<string, number>();
  for (const fn of listed) areas.set(fn.area, (areas.get(fn.area) ?? 0) + fn.selfMs);
  return {
    wallMs: wallUs / 1000,
    busyMs: listed.reduce((sum, fn) => sum + fn.selfMs, 0),
    idleMs: idleUs / 1000,
    gcMs: gcUs / 1000,
    functions: listed,
    areas: [...areas.entries()]
      .map(([area, selfMs]) => ({ area, selfMs }))
      .sort((a, b) => b.selfMs - a.selfMs),
  };
}
