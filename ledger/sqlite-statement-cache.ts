/**
 * The SQLite database as Kysely's dialect sees it, with its prepared statements kept: Kysely's driver prepares
 * every statement on every call, which cost about a fifth of a ledger write's CPU. A bounded cache keyed by SQL
 * text; SQLite prepares a kept statement again by itself when the schema changes (a migration).
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/**
 * Distinct SQL texts kept: the writer's statements differ by row count (multi-row inserts, and group commit makes
 * many counts), the readers' by filters. A prepared multi-row insert holds tens of KB: with 500 kept, a worker's
 * memory grew about 1 KB more per case written until the cache was full (407 against 386 MiB at 20,000 open cases,
 * docs/benchmarks.md). The 100 most recently used keep the shapes every write repeats.
 */
const KEPT_STATEMENTS = 100;

/** `database` for `SqliteDialect`, preparing each SQL text once while it stays among the recently used. */
export function withStatementCache(database: SQLite.Database, kept = KEPT_STATEMENTS): SqliteDatabase {
  const statements = new LRUCache<string, SqliteStatement>({ max: kept });
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
