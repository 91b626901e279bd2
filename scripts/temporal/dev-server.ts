/**
 * Starts a Temporal dev server (the CLI's `server start-dev`) on loopback with no outbound calls, waits until it
 * answers, and prepares its namespace. Used by `npm run dev` (persistent, with the Web UI) and by the test harness
 * (in memory, headless, on free ports).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { ALL_CASE_SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';
import { registerSearchAttributes, setRetention } from './prepare-namespace';
import { resolveTemporalBinary } from './temporal-binaries';

export interface DevServerOptions {
  /** SQLite file to persist to; in memory when absent. */
  dbFile?: string;
  port?: number;
  /** Serve the Web UI on this port; headless when absent. */
  uiPort?: number;
  namespace?: string;
  retentionDays?: number;
  /**
   * Serve the server's Prometheus metrics (`/metrics`) on this port (the bench counts the server's requests with
   * them); on a random port nobody is told of when absent, as the CLI does by default.
   */
  metricsPort?: number;
  /**
   * Register the case search attributes when the server starts (a fresh database only) and let it cache them as a
   * production server does. By default the dev server reads the search attribute types and the namespace's
   * custom search attribute mapping from its database on every use (`system.forceSearchAttributesCacheRefreshOnRead`,
   * so that attributes added while it runs show at once): two SQLite reads for every case start, upsert and
   * visibility write. The bench turns this on.
   */
  cacheSearchAttributes?: boolean;
  log?: (message: string) => void;
}

export interface RunningDevServer {
  address: string;
  namespace: string;
  uiUrl?: string;
  /** The server's Prometheus metrics, when started with `metricsPort`. */
  metricsUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Thrown when the dev server exits or does not answer in time. */
export class DevServerStartError extends Error {
  override readonly name = 'DevServerStartError';
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Thrown when a port the dev runner needs is taken. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** Resolves when `port` can be bound on 127.0.0.1; otherwise a PortInUseError that says what to change. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new PortInUseError(`Port ${port} (${what}) is in use: stop what runs there or choose another port`),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** A port that is free on 127.0.0.1 right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The CLI's names of the search attribute types (`--search-attribute KEY=TYPE`). */
const CLI_SEARCH_ATTRIBUTE_TYPES: Readonly<Record<SearchAttributeType, string>> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

function serverArgs(options: DevServerOptions, port: number, namespace: string): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace];
  args.push('--dynamic-config-value', 'frontend.enableServerVersionCheck=false', '--log-level', 'error');
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.metricsPort) args.push('--metrics-port', String(options.metricsPort));
  if (options.cacheSearchAttributes) {
    for (const key of ALL_CASE_SEARCH_ATTRIBUTE_KEYS) {
      args.push('--search-attribute', `${key.name}=${CLI_SEARCH_ATTRIBUTE_TYPES[key.type]}`);
    }
    args.push('--dynamic-config-value', 'system.forceSearchAttributesCacheRefreshOnRead=false');
  }
  if (options.uiPort) args.push('--ui-port', String(options.uiPort), '--ui-disable-news-fetch');
  else args.push('--headless');
  return args;
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<Connection> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new DevServerStartError(
        `Temporal dev server exited with code ${child.exitCode} (is port in use?)`,
      );
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      return connection;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new DevServerStartError(`Temporal dev server at ${address} did not answer: ${String(lastError)}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the server and returns once its namespace has the case search attributes. */
export async function startDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  const executable = await resolveTemporalBinary('cli', process.env, log);
  if (options.port !== undefined) await assertPortFree(options.port, 'Temporal frontend, TEMPORAL_ADDRESS');
  if (options.uiPort !== undefined) await assertPortFree(options.uiPort, 'Temporal Web UI, TEMPORAL_UI_PORT');
  const port = options.port ?? (await findFreePort());
  const namespace = options.namespace ?? 'default';
  if (options.dbFile) await mkdir(path.dirname(options.dbFile), { recursive: true });
  const child = spawn(executable, serverArgs(options, port, namespace), {
    env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => log(`[temporal] ${chunk.toString().trimEnd()}`));
  // A parent that exits without stopping the server (a crash, process.exit) must not leave it running.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const address = `127.0.0.1:${port}`;
  try {
    const connection = await waitUntilServing(address, child);
    try {
      await registerSearchAttributes(connection, namespace);
      await setRetention(connection, namespace, options.retentionDays ?? 30);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    address,
    namespace,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    metricsUrl: options.metricsPort ? `http://127.0.0.1:${options.metricsPort}/metrics` : undefined,
    process: child,
    stop: () => stopProcess(child),
  };
}
