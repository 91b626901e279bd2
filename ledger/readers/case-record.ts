/** One case as the ledger remembers it: its newest snapshot, its events in order, the departments on it. */
import type { LedgerEvent, LedgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import type { Ledger } from '../open-ledger';

export interface CaseRecord {
  readonly snapshot: LedgerSnapshot;
  /** Every department that has held one of its steps. */
  readonly departments: readonly string[];
  /** When the ledger last wrote the case (epoch ms). */
  readonly writtenAt: number;
}

/** The case's record, or undefined when the ledger has never seen it. */
export async function readCaseRecord(ledger: Ledger, caseId: string): Promise<CaseRecord | undefined> {
  const row = await ledger.db
    .selectFrom('ledger_cases')
    .select(['snapshot', 'written_at'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const departments = await ledger.db
    .selectFrom('ledger_case_departments')
    .select('department')
    .where('case_id', '=', caseId)
    .orderBy('department')
    .execute();
  return {
    snapshot: JSON.parse(row.snapshot) as LedgerSnapshot,
    departments: departments.map((d) => d.department),
    writtenAt: Number(row.written_at),
  };
}

/** The case's events, oldest first (by sequence number). */
export async function readCaseEvents(ledger: Ledger, caseId: string): Promise<LedgerEvent[]> {
  const rows = await ledger.db
    .selectFrom('ledger_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: Number(row.at),
    type: row.type,
    ...(row.step_id === null ? {} : { stepId: row.step_id }),
    actor: {
      sub: row.actor_sub,
      role: row.actor_role as LedgerEvent['actor']['role'],
      ...(row.actor_dept === null ? {} : { dept: row.actor_dept }),
    },
    detail: row.detail,
    ...(row.round === null ? {} : { round: Number(row.round) }),
    ...(row.department === null ? {} : { department: row.department }),
    ...(row.deadline_at === null ? {} : { deadlineAt: Number(row.deadline_at) }),
  }));
}
