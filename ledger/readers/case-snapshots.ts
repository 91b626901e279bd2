/** Many cases' newest snapshots at once, by id (a public listing reads hundreds: one query per few hundred). */
import type { LedgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import type { Ledger } from '../open-ledger';

/** Ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_AT_ONCE = 500;

/** The snapshots of those of `caseIds` the ledger has, in no particular order. */
export async function readCaseSnapshots(
  ledger: Ledger,
  caseIds: readonly string[],
): Promise<LedgerSnapshot[]> {
  const snapshots: LedgerSnapshot[] = [];
  for (let start = 0; start < caseIds.length; start += IDS_AT_ONCE) {
    const rows = await ledger.db
      .selectFrom('ledger_cases')
      .select('snapshot')
      .where('case_id', 'in', caseIds.slice(start, start + IDS_AT_ONCE))
      .execute();
    snapshots.push(...rows.map((row) => JSON.parse(row.snapshot) as LedgerSnapshot));
  }
  return snapshots;
}
