/** Named instants a process of the ledger has read up to (`ledger_watermarks`), kept across restarts. */
import type { Ledger } from '../open-ledger';

/** The watermark's instant (epoch ms); undefined before the first was kept. */
export async function readWatermark(ledger: Ledger, name: string): Promise<number | undefined> {
  const row = await ledger.db
    .selectFrom('ledger_watermarks')
    .select('at')
    .where('name', '=', name)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.at);
}

/** Moves the watermark forward only: another process may have moved it further meanwhile. */
export async function advanceWatermark(ledger: Ledger, name: string, at: number): Promise<void> {
  await ledger.db
    .insertInto('ledger_watermarks')
    .values({ name, at })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet({ at }).where('ledger_watermarks.at', '<', at),
    )
    .execute();
}
