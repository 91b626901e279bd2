/**
 * A ledger whose database is down for chosen cases: the next `writes` writes of a case are refused (as a stopped
 * database refuses them), later ones go to the real writer (or, without one, are acknowledged unwritten, as the
 * worker does without a ledger). For the feed's fallbacks: from its local write or its sink to the regular activity.
 */
import type { LedgerWriter } from '../../activities';

export interface RefusingLedgerWriter extends LedgerWriter {
  /** Refuses the next `writes` writes of `caseId` (`Infinity`: until told 0, a database down until it is back). */
  refuse(caseId: string, writes: number): void;
  /** Writes of `caseId` refused so far. */
  refused(caseId: string): number;
}

export function refusingLedgerWriter(inner?: LedgerWriter): RefusingLedgerWriter {
  const toRefuse = new Map<string, number>();
  const refusedSoFar = new Map<string, number>();
  return {
    refuse(caseId, writes) {
      toRefuse.set(caseId, writes);
    },
    refused: (caseId) => refusedSoFar.get(caseId) ?? 0,
    async write(batch) {
      const left = toRefuse.get(batch.caseId) ?? 0;
      if (left > 0) {
        toRefuse.set(batch.caseId, left - 1);
        refusedSoFar.set(batch.caseId, (refusedSoFar.get(batch.caseId) ?? 0) + 1);
        throw new Error('connect ECONNREFUSED (the ledger database is down for this case)');
      }
      await inner?.write(batch);
    },
  };
}
