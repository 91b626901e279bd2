/**
 * The SQLite database as Kysely's dialect sees it, with its prepared statements kept: Kysely's driver prepares
 * every statement on every call, which cost about a fifth of a ledger write's CPU. A bounded cache keyed by SQL
 * text; SQLite prepares a kept statement again by itself when the schema changes (a migration).
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/**
 * Distinct SQL texts kept: the writer's statements differ by row count (multi-row inserts), the readers' by
 * filters; a few hundred cover what the feed and the API repeat, and the rest are prepared as before.
 */
const KEPT_STATEMENTS = 500;

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
