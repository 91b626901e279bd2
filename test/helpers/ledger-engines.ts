/**
 * Runs a ledger test suite on every engine: the embedded SQLite and a throwaway PostgreSQL server
 * (test/helpers/postgres-server.ts; skipped where none is installed, required on CI). Each suite gets a fresh,
 * migrated ledger.
 */
import { openLedger, type Ledger, type LedgerEngine, type LedgerLocation } from '../../ledger';
import { postgresTestsRun, startPostgres, type PostgresServer } from './postgres-server';

/** The engines the suites run on here. */
export function ledgerEngines(): LedgerEngine[] {
  return postgresTestsRun() ? ['sqlite', 'postgres'] : ['sqlite'];
}

let server: Promise<PostgresServer | undefined> | undefined;

/** The file's PostgreSQL server, started on first use. */
export function sharedPostgres(): Promise<PostgresServer | undefined> {
  server ??= startPostgres();
  return server;
}

/** Stops the file's PostgreSQL server, if one was started (call in the file's afterAll). */
export async function stopSharedPostgres(): Promise<void> {
  const started = await server;
  server = undefined;
  await started?.remove();
}

/** Where a new, empty ledger on `engine` is: an in-memory SQLite one, or a new database on the file's server. */
export async function freshLedgerLocation(engine: LedgerEngine): Promise<LedgerLocation> {
  if (engine === 'sqlite') return { file: ':memory:' };
  const postgres = await sharedPostgres();
  if (postgres === undefined) throw new Error('PostgreSQL is not installed');
  return { databaseUrl: await postgres.createDatabase() };
}

/** A new, empty, migrated ledger on `engine`. */
export async function freshLedger(engine: LedgerEngine): Promise<Ledger> {
  return openLedger(await freshLedgerLocation(engine));
}

/** Defines `suite` once per engine, each with its own fresh ledger (`ledger()` inside tests). */
export function describeEachLedger(name: string, suite: (ledger: () => Ledger) => void): void {
  afterAll(stopSharedPostgres);
  for (const engine of ledgerEngines()) {
    describe(`${name} (${engine})`, () => {
      let current: Ledger | undefined;
      beforeAll(async () => {
        current = await freshLedger(engine);
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => {
        if (current === undefined) throw new Error('ledger not open');
        return current;
      });
    });
  }
}
