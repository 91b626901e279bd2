/**
 * A production entry point (`worker/main.ts`, `api/server.ts`) run as a process of its own through tsx, for tests
 * of what an operator sees: its log lines, and how it ends on a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eventually } from './eventually';

const PROJECT_ROOT = path.join(__dirname, '..', '..');

export interface SpawnedProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once the output has a line matching `pattern` (fails when the process ends first). */
  lineMatching(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /**
   * How the process ended (`exited 0`, `killed by SIGTERM`), or `still running` after `giveUpMs` (then it is killed
   * with SIGKILL, the only signal that surely stops it).
   */
  ended(giveUpMs: number): Promise<string>;
}

/** Runs `entryPoint` (a path from the project root) with the environment `env` added to this one. */
export function spawnEntryPoint(entryPoint: string, env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, entryPoint)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited ${code}`)),
  );
  return {
    child,
    output: () => output,
    async lineMatching(pattern, timeoutMs = 120_000) {
      await eventually(
        () => {
          if (child.exitCode !== null) throw new Error(`${entryPoint} ended: ${output}`);
          return Promise.resolve(output.split('\n').some((line) => pattern.test(line)));
        },
        () => `${entryPoint} wrote no line matching ${pattern}: ${output}`,
        { timeoutMs, intervalMs: 200 },
      );
    },
    async ended(giveUpMs) {
      let timer: NodeJS.Timeout | undefined;
      const stuck = new Promise<string>((resolve) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve('still running');
        }, giveUpMs);
      });
      try {
        return await Promise.race([exit, stuck]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
