/**
 * CPU profiles of Fullcycle under load (API and worker in their own processes, both run with `node --cpu-prof`,
 * which writes one profile per thread when it stops): how busy each thread was, and where the workflow thread's
 * time went (top functions by self and total time, areas). The profiles stay under BENCH_OUTPUT_DIR/profiles for
 * `npm run bench:profile`. Profiling slows the processes: the throughput part, not this one, gives the speed.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchPart } from '../bench-part';
import { areaTable, busyLine, functionTable } from '../cpu-profile/profile-tables';
import { LOAD_WINDOW_FILE, summarizeProfileFile, type ProfileFileSummary } from '../cpu-profile/read-profile';
import { deploy, measure, type Measurement } from '../harness/measure-run';
import { markdownTable, num } from '../report/table';

const TOP = 20;

interface ThreadProfile extends ProfileFileSummary {
  readonly file: string;
  readonly process: string;
  readonly thread: string;
}

/** `CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile` → pid and thread id. */
function threadOf(file: string): { pid: number; tid: number } | undefined {
  const parts = /^CPU\.\d+\.\d+\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(file);
  return parts ? { pid: Number(parts[1]), tid: Number(parts[2]) } : undefined;
}

export const profilePart: BenchPart = {
  name: 'profile',
  summary: 'CPU profiles of the API and worker under load; the workflow thread summarised',
  async run(session) {
    const { cases, concurrency } = session.settings.profile;
    const dir = await session.folder(path.join('profiles', session.runId('profile')));
    const deployment = await deploy(
      session,
      { kind: 'fullcycle', layout: 'split' },
      { label: 'profile', execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] },
    );
    const names = new Map(
      Object.entries(deployment.topology.processes).map(([name, child]) => [child.pid, name]),
    );
    let measured: Measurement;
    try {
      measured = await measure(session, deployment, { cases, concurrency });
    } finally {
      await deployment.topology.stop();
    }
    await writeFile(path.join(dir, LOAD_WINDOW_FILE), JSON.stringify(measured.loadWindowUs));
    const threads: ThreadProfile[] = [];
    for (const file of (await readdir(dir)).sort()) {
      const thread = threadOf(file);
      if (thread === undefined) continue;
      const summary = await summarizeProfileFile(path.join(dir, file));
      threads.push({
        ...summary,
        file: path.join(dir, file),
        process: names.get(thread.pid) ?? `pid ${thread.pid}`,
        thread: thread.tid === 0 ? 'main' : summary.ranBundle ? 'workflow thread' : `thread ${thread.tid}`,
      });
    }
    const { tasks } = measured.load;
    console.log(
      `${num(tasks)} department tasks, ${concurrency} cases at a time, while they ran (startup and`,
    );
    console.log(`warm-up left out); profiles in ${dir}\n`);
    console.log(
      markdownTable(
        ['process', 'thread', 'busy s', 'busy ms per task', 'GC share of busy'],
        threads.map(({ process, thread, summary }) => [
          process,
          thread,
          num(summary.busyMs / 1000, 1),
          num(summary.busyMs / tasks, 1),
          `${((100 * summary.gcMs) / summary.busyMs).toFixed(1)} %`,
        ]),
      ),
    );
    for (const { process, thread, summary } of threads.filter((t) => t.ranBundle || t.thread === 'main')) {
      console.log(`\n### ${process}, ${thread}: ${busyLine(summary)}\n`);
      console.log(`By self time:\n\n${functionTable(summary, thread === 'main' ? 12 : TOP)}\n`);
      if (thread !== 'main') {
        console.log(`By total time:\n\n${functionTable(summary, TOP + 10, 'total')}\n`);
        console.log(`By area:\n\n${areaTable(summary, 12)}`);
      }
    }
    const saved = threads.map(({ file, process, thread, summary }) => ({
      file,
      process,
      thread,
      busyMs: summary.busyMs,
      wallMs: summary.wallMs,
      gcMs: summary.gcMs,
      top: summary.functions.slice(0, 40),
      areas: summary.areas,
    }));
    console.log(`results: ${await session.save('profile', { tasks, threads: saved })}`);
  },
};
