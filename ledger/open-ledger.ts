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

function sqliteDatabase(file: string, use: LedgerUse): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  // The API and the worker may share the file: wait for the other's write instead of failing at once.
  database.pragma('busy_timeout = 5000');
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

/** Attempts at migrating before the error is reported, and the wait before the next. */
const MIGRATION_ATTEMPTS = 5;
const MIGRATION_RETRY_MS = 200;

/**
 * Applies the pending migrations; undefined when the schema is current. Kysely takes no lock across SQLite
 * connections, so an API and a worker started together on a new file both migrate and one fails ("table already
 * exists"). Each attempt is one transaction (SQLite's DDL is transactional), so the loser tries again and finds
 * the schema current; a migration that really fails fails every attempt and is reported.
 */
async function migrateToLatest(db: Kysely<LedgerTables>): Promise<unknown> {
  let error: unknown;
  for (let attempt = 1; attempt <= MIGRATION_ATTEMPTS; attempt += 1) {
    ({ error } = await ledgerMigrator(db).migrateToLatest());
    if (error === undefined) return undefined;
    if (attempt < MIGRATION_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, MIGRATION_RETRY_MS));
  }
  return error;
}

/** Opens (creating if needed) and migrates the ledger; `use` sizes SQLite's memory for what the process does. */
export async function openLedger(location: LedgerLocation, use: LedgerUse = 'reads'): Promise<Ledger> {
  const engine: LedgerEngine = location.databaseUrl ? 'postgres' : 'sqlite';
  const dialect =
    engine === 'postgres'
      ? new PostgresDialect({ pool: postgresPool(location.databaseUrl ?? '') })
      : new SqliteDialect({ database: withStatementCache(sqliteDatabase(location.file ?? ':memory:', use)) });
  const db = new Kysely<LedgerTables>({ dialect });
  const error = await migrateToLatest(db);
  if (error !== undefined) {
    await db.destroy();
    throw new LedgerMigrationError(
      `The ledger's migrations failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return { db, engine, close: () => db.destroy() };
}
