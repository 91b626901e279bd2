/**
 * `npm run bench:profile -- <file.cpuprofile> [--before <other.cpuprofile>] [--top N]`: where a thread's time
 * went, as Markdown tables: the top functions by self and by total time (share of the thread's busy time), the
 * areas (packages, project folders), and with `--before`, the same functions side by side with another profile.
 * Only the samples taken while the load ran count when the profile's folder has the `load-window.json` the
 * bench writes there. Frames in a workflow bundle are mapped to their sources through the bundle's inline source map, as long as the
 * bundle file is still where the profile says (`npm run bench` keeps them under BENCH_OUTPUT_DIR/bundles).
 */
import { parseArgs } from 'node:util';
import { areaTable, busyLine, comparisonTable, functionTable } from './cpu-profile/profile-tables';
import { summarizeProfileFile } from './cpu-profile/read-profile';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { before: { type: 'string' }, top: { type: 'string', default: '20' } },
  });
  const [file] = positionals;
  if (file === undefined)
    throw new Error('usage: summarize-cpu-profile <file.cpuprofile> [--before <file>] [--top N]');
  const top = Number(values.top);
  const { summary: after } = await summarizeProfileFile(file);
  if (values.before !== undefined) {
    const { summary: before } = await summarizeProfileFile(values.before);
    console.log(`before: ${busyLine(before)}\nafter:  ${busyLine(after)}\n`);
    console.log(comparisonTable(before, after, top));
    return;
  }
  console.log(`${busyLine(after)}\n\nBy self time:\n\n${functionTable(after, top)}`);
  console.log(`\nBy total time:\n\n${functionTable(after, top, 'total')}`);
  console.log(`\nBy area:\n\n${areaTable(after, top)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
