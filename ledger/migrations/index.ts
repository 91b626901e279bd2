/** Every migration of the ledger, in order; the same set for SQLite and PostgreSQL. */
import type { Migration, MigrationProvider } from 'kysely';
import * as createLedger from './001-create-ledger';

const MIGRATIONS: Record<string, Migration> = {
  '001-create-ledger': createLedger,
};

/** Kysely's migrator reads the migrations from here (no file-system scan: they are bundled code). */
export const ledgerMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
