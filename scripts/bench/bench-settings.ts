/**
 * What `npm run bench` measures and how much of it, from `BENCH_*` environment variables (documented in
 * docs/benchmarks.md). Every problem is listed at once, like the app's own config.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../config/project-root';

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) => text.split(',').map((part) => part.trim()));

/** The fullcycle process layouts: API and worker in one process (as `npm run dev`), or in two. */
export const LAYOUTS = ['split', 'single'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** What the memory part measures: the raw baseline's worker and Fullcycle in the given layouts. */
export const MEMORY_SIDES = ['raw', ...LAYOUTS] as const;
export type MemorySide = (typeof MEMORY_SIDES)[number];

const BenchSettingsSchema = z
  .object({
    BENCH_CASES: count(200),
    BENCH_CONCURRENCY: commaList('20,50')
      .transform((parts) => parts.map(Number))
      .pipe(z.array(z.number().int().min(1)).min(1)),
    BENCH_LAYOUTS: commaList('split,single').pipe(z.array(z.enum(LAYOUTS)).min(1)),
    BENCH_RESTART_CASES: count(200),
    BENCH_RESTART_CONCURRENCY: count(60),
    BENCH_OPEN_CASES: count(20_000),
    BENCH_OPEN_CONCURRENCY: count(20),
    BENCH_COMEBACK_CASES: count(30),
    BENCH_MEMORY_SIDES: commaList('raw,split').pipe(z.array(z.enum(MEMORY_SIDES)).min(1)),
    BENCH_PROFILE_CASES: count(100),
    BENCH_PROFILE_CONCURRENCY: count(20),
    BENCH_ENGINE_RUNS: count(300),
    BENCH_WORKING_TIME_RUNS: count(50_000),
    BENCH_LEDGER_OPEN: count(20_000),
    BENCH_LEDGER_CLOSED: count(100_000),
    BENCH_LEDGER_RUNS: count(200),
    BENCH_LEDGER_ENGINES: commaList('sqlite,postgres').pipe(z.array(z.enum(['sqlite', 'postgres'])).min(1)),
    BENCH_LEDGER_FEED_CASES: count(1_000),
    BENCH_LEDGER_FEED_LANES: count(50),
    BENCH_OUTPUT_DIR: z.string().min(1).default('.bench'),
    BENCH_SEARCH_ATTRIBUTE_CACHE: z.enum(['on', 'off']).default('off'),
  })
  .transform((env) => ({
    throughput: { cases: env.BENCH_CASES, concurrency: env.BENCH_CONCURRENCY, layouts: env.BENCH_LAYOUTS },
    restart: { cases: env.BENCH_RESTART_CASES, concurrency: env.BENCH_RESTART_CONCURRENCY },
    memory: {
      openCases: env.BENCH_OPEN_CASES,
      concurrency: env.BENCH_OPEN_CONCURRENCY,
      comebackCases: env.BENCH_COMEBACK_CASES,
      sides: env.BENCH_MEMORY_SIDES,
    },
    profile: { cases: env.BENCH_PROFILE_CASES, concurrency: env.BENCH_PROFILE_CONCURRENCY },
    ledger: {
      open: env.BENCH_LEDGER_OPEN,
      closed: env.BENCH_LEDGER_CLOSED,
      runs: env.BENCH_LEDGER_RUNS,
      engines: env.BENCH_LEDGER_ENGINES,
      feedCases: env.BENCH_LEDGER_FEED_CASES,
      feedLanes: env.BENCH_LEDGER_FEED_LANES,
    },
    /** The dev server caches search attributes as a production server does (dev-server.ts). */
    cacheSearchAttributes: env.BENCH_SEARCH_ATTRIBUTE_CACHE === 'on',
    engineRuns: env.BENCH_ENGINE_RUNS,
    workingTimeRuns: env.BENCH_WORKING_TIME_RUNS,
    outputDir: path.resolve(PROJECT_ROOT, env.BENCH_OUTPUT_DIR),
  }));

export type BenchSettings = z.infer<typeof BenchSettingsSchema>;

/** Reads the settings; throws one error naming every bad variable. */
export function loadBenchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const withoutEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = BenchSettingsSchema.safeParse(withoutEmpty);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid benchmark settings:\n${problems.join('\n')}`);
}
