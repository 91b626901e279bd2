/** Opening the ledger: processes started together on a new SQLite file (an API and a worker) all open it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openLedger, type Ledger } from '../../ledger';
import { ledgerMigrations } from '../../ledger/migrations';

describe('openLedger on a new SQLite file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ledger-open-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('opens from four connections at once, each migration applied once', async () => {
    const file = path.join(folder, 'ledger.sqlite');
    const opened = await Promise.allSettled([0, 1, 2, 3].map(() => openLedger({ file })));
    const ledgers = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      expect(opened.filter((result) => result.status === 'rejected')).toEqual([]);
      const applied = await sql<{ name: string }>`select name from ledger_migration order by name`.execute(
        ledgers[0]!.db,
      );
      const expected = Object.keys(await ledgerMigrations.getMigrations()).sort();
      expect(applied.rows.map((row) => row.name)).toEqual(expected);
    } finally {
      await Promise.all(ledgers.map((ledger: Ledger) => ledger.close()));
    }
  });
});
