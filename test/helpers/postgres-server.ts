/**
 * A throwaway PostgreSQL server for the ledger tests: `initdb` in a temp folder owned by `postgres` (the server
 * refuses to run as root), started with `pg_ctl` on a free loopback port, removed on stop. Where no server is
 * installed the ledger tests skip PostgreSQL, except on CI (`CI=true`), where that is a failure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresServer {
  /** A URL of a new, empty database on the server. */
  createDatabase(): Promise<string>;
  /** Stops the server (the data stays) and starts it again: a database outage. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
}

/** Where `initdb` and `pg_ctl` are: `pg_config --bindir`, else the newest /usr/lib/postgresql/<n>/bin. */
export function postgresBinDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config on PATH: look where Debian installs the server
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

/** Whether the PostgreSQL tests run here: a server is installed, or CI demands them (and fails without). */
export function postgresTestsRun(): boolean {
  return process.env.CI === 'true' || postgresBinDir() !== undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a server binary as `postgres` when we are root. */
async function asPostgres(binary: string, args: string[]): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  await run(command, argv, { cwd: os.tmpdir() });
}

/** Starts a server, or undefined where none is installed (a failure instead when CI=true). */
export async function startPostgres(): Promise<PostgresServer | undefined> {
  const bin = postgresBinDir();
  if (bin === undefined) {
    if (process.env.CI === 'true') {
      throw new Error(
        'PostgreSQL is not installed: CI must run the ledger tests against it (.ci/run installs it)',
      );
    }
    return undefined;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await asPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = path.join(bin, 'pg_ctl');
  const startServer = () =>
    asPostgres(pgCtl, ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  const stopServer = () => asPostgres(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
  await startServer();
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    async createDatabase() {
      databases += 1;
      const name = `ledger_${process.pid}_${databases}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stopServer,
    startServer,
    async remove() {
      await stopServer().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
