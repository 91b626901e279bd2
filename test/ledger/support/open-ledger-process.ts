/**
 * A process that opens ledger files for test/ledger/open-ledger-processes.int.test.ts: each message names a new
 * file and a moment; the process waits for that moment without yielding (so its siblings open the file within the
 * same millisecond), opens the file as `npm run dev` or the worker does, closes it and reports the failure if any.
 */
import { openLedger, type LedgerUse } from '../../../ledger';

export interface OpenLedgerOrder {
  readonly file: string;
  readonly use: LedgerUse;
  /** Date.now() at which to open. */
  readonly at: number;
}

export interface OpenLedgerReport {
  /** Undefined when the ledger opened and closed. */
  readonly failure?: string;
}

async function openAndClose({ file, use }: OpenLedgerOrder): Promise<OpenLedgerReport> {
  try {
    const ledger = await openLedger({ file }, use);
    await ledger.close();
    return {};
  } catch (error) {
    return { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

process.on('message', (order: OpenLedgerOrder) => {
  while (Date.now() < order.at) {
    // Busy wait: a timer would wake each process at a different moment.
  }
  void openAndClose(order).then((report) => process.send?.(report));
});
process.send?.('ready');
