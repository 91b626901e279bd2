/**
 * Opens the ledger: PostgreSQL when a `postgres://` URL is given, else an embedded SQLite file (better-sqlite3),
 * and applies the migrations before anything reads or writes. One Kysely query layer serves both.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { LedgerTables } from './ledger-tables';
import { ledgerMigrations } from './migrations';
import { withStatementCache } from './sqlite-statement-cache';

export type LedgerEngine = 'sqlite' | 'postgres';

/** An open ledger. */
export interface Ledger {
  readonly db: Kysely<LedgerTables>;
  readonly engine: LedgerEngine;
  close(): Promise<void>;
}

export interface LedgerLocation {
  /** `postgres://…`: use that server. */
  readonly databaseUrl?: string;
  /** Otherwise this SQLite file (`:memory:` for a throwaway one). */
  readonly file?: string;
}

/** Thrown when the migrations cannot be applied; the ledger is not opened. */
export class LedgerMigrationError extends Error {
  override readonly name = 'LedgerMigrationError';
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Counts and sums come back from PostgreSQL as numbers, not strings (they stay far below 2^53). */
function pgTypes(): { getTypeParser: typeof pg.types.getTypeParser } {
  const asNumber = (value: string): number => Number(value);
  const getTypeParser = (oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID || oid === NUMERIC_OID ? asNumber : pg.types.getTypeParser(oid, format as 'text');
  return { getTypeParser: getTypeParser as typeof pg.types.getTypeParser };
}

/**
 * What a process does with the ledger: `reads` (the API, `npm run dev`: search, inboxes and metrics at scale) or
 * only `writes` (the worker alone, `npm run worker`, which only runs the feed's writes).
 */
export type LedgerUse = 'reads' | 'writes';

/** How long opening waits for another opener's lock on a SQLite file, and the longest pause between tries. */
const OPENING_WAIT_MS = 30_000;
const OPENING_RETRY_MAX_MS = 100;
/** Once open, how long a statement waits for another connection's write (the API and the worker share the file). */
const BUSY_TIMEOUT_MS = 5000;

/** SQLITE_BUSY and its extended codes; by the code, as better-sqlite3's addon keeps the SqliteError class it was
 * first loaded with (a test runner's next module registry has another). */
function isBusy(error: unknown): boolean {
  const code: unknown =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `step` until it does not meet another connection's lock, pausing between tries (5 ms, doubling up to
 * 100 ms) for at most 30 s. The pauses are timers, not SQLite's busy handler: the other opener may be a connection of
 * this process (`npm run dev`, tests), and a busy handler would hold the event loop it needs to finish.
 */
async function whenNotBusy<T>(step: () => Promise<T> | T): Promise<T> {
  const giveUpAt = Date.now() + OPENING_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, OPENING_RETRY_MAX_MS)) {
    try {
      return await step();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * A SQLite file in WAL mode, tuned for `use`, with no busy timeout yet (see `openSqlite`). WAL is kept in the file,
 * so only its first opener changes it, and that change takes the write lock from within a read, where SQLite never
 * calls the busy handler (two such waiters would deadlock): a process opening a new file at the same moment as
 * another failed at once with "database is locked". It now tries again and finds the file in WAL.
 */
async function sqliteDatabase(file: string, use: LedgerUse): Promise<SQLite.Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file, { timeout: 0 });
  try {
    await whenNotBusy(() => database.pragma('journal_mode = WAL'));
  } catch (error) {
    database.close();
    throw error;
  }
  database.pragma('synchronous = NORMAL');
  if (use === 'reads') {
    // Reads at scale (docs/ledger.md, "Scale"): a page cache that holds a month's metrics index and the probes
    // around it (the default is 2 MB), and pages read through a memory map instead of one system call each.
    database.pragma('cache_size = -65536');
    database.pragma('mmap_size = 268435456');
  } else {
    // A writer touches the newest pages of each index: 8 MB hold them, and without a memory map the file's pages
    // it reads are not counted in its resident memory (a writer with the readers' 64 MB cache and map grew by
    // about 17 KB per case written, docs/benchmarks.md "Ledger write cost").
    database.pragma('cache_size = -8192');
  }
  return database;
}

function postgresPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, types: pgTypes() });
  // An idle connection dropped by the server (restart, outage) must not crash the process: the next query
  // opens a new one and fails or succeeds on its own, and the feed retries it.
  pool.on('error', () => undefined);
  // The same for a connection dropped while checked out between two queries of a transaction: that query fails.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** The migrator of the ledger's schema (`ledger/migrations/`), as `openLedger` applies it. */
export function ledgerMigrator(db: Kysely<LedgerTables>): Migrator {
  return new Migrator({
    db,
    provider: ledgerMigrations,
    migrationTableName: 'ledger_migration',
    migrationLockTableName: 'ledger_migration_lock',
  });
}

/**
 * Applies SQLite's pending migrations in one transaction that takes the write lock first. Kysely takes no lock
 * across SQLite connections and runs SQLite's migrations statement by statement, so an API and a worker started
 * together on a new file both migrated and one failed halfway ("table already exists"). Now the second waits for the
 * first's commit (BEGIN IMMEDIATE), then finds the schema current.
 */
async function migrateSqlite(db: Kysely<LedgerTables>, database: SQLite.Database): Promise<unknown> {
  try {
    await whenNotBusy(() => database.exec('BEGIN IMMEDIATE'));
  } catch (error) {
    return error;
  }
  const { error } = await ledgerMigrator(db).migrateToLatest();
  if (database.inTransaction) database.exec(error === undefined ? 'COMMIT' : 'ROLLBACK');
  return error;
}

/**
 * Opens (creating if needed) and migrates the ledger; `use` sizes SQLite's memory for what the process does.
 * PostgreSQL's migrations run in one transaction under Kysely's advisory lock.
 */
export async function openLedger(location: LedgerLocation, use: LedgerUse = 'reads'): Promise<Ledger> {
  const engine: LedgerEngine = location.databaseUrl ? 'postgres' : 'sqlite';
  const database = engine === 'sqlite' ? await sqliteDatabase(location.file ?? ':memory:', use) : undefined;
  const dialect =
    database === undefined
      ? new PostgresDialect({ pool: postgresPool(location.databaseUrl ?? '') })
      : new SqliteDialect({ database: withStatementCache(database) });
  const db = new Kysely<LedgerTables>({ dialect });
  const error =
    database === undefined
      ? (await ledgerMigrator(db).migrateToLatest()).error
      : await migrateSqlite(db, database);
  if (error !== undefined) {
    await db.destroy();
    throw new LedgerMigrationError(
      `The ledger's migrations failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  database?.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return { db, engine, close: () => db.destroy() };
}
