/**
 * Samples the resident memory (RSS) and CPU time of processes from /proc while a benchmark runs: the peak and
 * last RSS, and the CPU seconds each spent between start and stop. Linux only, like the machine it runs on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MIB = 1024 * 1024;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface ProcessUsage {
  readonly peakRssMiB: number;
  readonly lastRssMiB: number;
  readonly cpuSeconds: number;
}

/** RSS of a process in MiB, or undefined once it is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmRSS:'));
    return line === undefined ? undefined : (Number(line.split(/\s+/)[1]) * 1024) / MIB;
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of a process so far, or undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

export interface ProcessSampler {
  /** Adds a process (a restarted worker) under a name already sampled: its usage adds to the name's. */
  add(name: string, pid: number): void;
  stop(): Record<string, ProcessUsage>;
}

/** Starts sampling the named processes every `intervalMs`. */
export function sampleProcesses(pids: Readonly<Record<string, number>>, intervalMs = 250): ProcessSampler {
  // A process killed during the run keeps the CPU time and RSS it had at its last sample.
  const tracked: {
    name: string;
    pid: number;
    cpuAtStart: number;
    cpu: number;
    peak: number;
    last: number;
  }[] = [];
  const add = (name: string, pid: number): void => {
    const cpu = cpuSeconds(pid) ?? 0;
    tracked.push({ name, pid, cpuAtStart: cpu, cpu, peak: 0, last: 0 });
  };
  const sample = (): void => {
    for (const entry of tracked) {
      const rss = rssMiB(entry.pid);
      const cpu = cpuSeconds(entry.pid);
      if (rss === undefined || cpu === undefined) continue;
      entry.last = rss;
      entry.peak = Math.max(entry.peak, rss);
      entry.cpu = cpu;
    }
  };
  for (const [name, pid] of Object.entries(pids)) add(name, pid);
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    add: (name, pid) => {
      add(name, pid);
      sample();
    },
    stop() {
      clearInterval(timer);
      sample();
      const usage: Record<string, ProcessUsage> = {};
      for (const entry of tracked) {
        const cpu = entry.cpu - entry.cpuAtStart;
        const before = usage[entry.name];
        usage[entry.name] = {
          peakRssMiB: Math.max(before?.peakRssMiB ?? 0, entry.peak),
          lastRssMiB: entry.last,
          cpuSeconds: (before?.cpuSeconds ?? 0) + cpu,
        };
      }
      return usage;
    },
  };
}
