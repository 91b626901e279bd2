/**
 * Starts the bench's child processes (compiled JS under dist/, run by plain `node` as `npm run api` and
 * `npm run worker` run in production), waits until each says it is ready, and stops or kills them.
 */
import { fork } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../config/project-root';
import type { ChildReady, ChildStop } from './child-messages';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const KEPT_STDERR_LINES = 40;

export interface BenchChild {
  readonly name: string;
  readonly pid: number;
  readonly ready: ChildReady;
  /** Where its standard output (its logs) went. */
  readonly logFile: string;
  /** Asks the child to stop cleanly (worker drained, profiles written); kills it if it does not in time. */
  stop(): Promise<void>;
  /** Kills the child at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

export interface ChildOptions {
  /** Script under dist/, e.g. `scripts/bench/processes/fullcycle-process.js`. */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  /** Node flags, e.g. `--cpu-prof`. */
  readonly execArgv?: readonly string[];
  /** Where the child's standard output (its logs) goes; appended to. */
  readonly logFile: string;
}

/** Thrown when a child exits or stays silent before it is ready. */
export class BenchChildStartError extends Error {
  override readonly name = 'BenchChildStartError';
}

/** Forks the child and resolves once it has sent its ready message. */
export async function startChild(name: string, options: ChildOptions): Promise<BenchChild> {
  const log = openSync(options.logFile, 'a');
  const child = fork(path.join(PROJECT_ROOT, 'dist', options.script), [], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    execArgv: [...(options.execArgv ?? [])],
    stdio: ['ignore', log, 'pipe', 'ipc'],
  });
  closeSync(log);
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(...chunk.toString().split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - KEPT_STDERR_LINES));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const ready = await new Promise<ChildReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BenchChildStartError(`${name} was not ready in ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    child.once('message', (message: ChildReady) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new BenchChildStartError(`${name} exited (${code ?? signal}):\n${stderr.join('\n')}`));
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    pid: child.pid!,
    ready,
    logFile: options.logFile,
    async stop() {
      if (gone()) return;
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.send({ type: 'stop' } satisfies ChildStop);
      await exited;
      clearTimeout(kill);
    },
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
