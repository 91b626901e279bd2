/**
 * `npm run bench [-- <part> …]`: runs the named parts (all of them when none is named) in one process tree on
 * one in-memory Temporal dev server, prints their tables and saves their results under BENCH_OUTPUT_DIR.
 * `npm run bench -- --list` names the parts. Settings: BENCH_* variables (docs/benchmarks.md).
 */
import os from 'node:os';
import { BENCH_PARTS } from './bench-parts';
import { createBenchSession } from './bench-session';
import { loadBenchSettings } from './bench-settings';

function selectedParts(names: readonly string[]) {
  if (names.length === 0) return BENCH_PARTS;
  const unknown = names.filter((name) => !BENCH_PARTS.some((part) => part.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `No benchmark part ${unknown.join(', ')}; the parts are ${BENCH_PARTS.map((part) => part.name).join(', ')}`,
    );
  }
  return BENCH_PARTS.filter((part) => names.includes(part.name));
}

/** The 1-minute load average and the number of CPUs: how busy the machine was besides the bench. */
function loadAverage(): string {
  return `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const part of BENCH_PARTS) console.log(`${part.name.padEnd(14)} ${part.summary}`);
    return;
  }
  const parts = selectedParts(args);
  const session = createBenchSession(loadBenchSettings(process.env));
  try {
    for (const part of parts) {
      console.log(`\n## ${part.name}: ${part.summary}\n`);
      const started = Date.now();
      const loadBefore = loadAverage();
      await part.run(session);
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(
        `\n(${part.name} took ${seconds} s; machine load average ${loadBefore} before, ${loadAverage()} after)`,
      );
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
