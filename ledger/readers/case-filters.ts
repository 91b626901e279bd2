/** Filters the readers share: region subtree, departments that worked on a case or wait on it, overdue now. */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { LedgerTables } from '../ledger-tables';
import { isRunningStep } from '../running-steps';

type CasesBuilder = ExpressionBuilder<LedgerTables & { c: LedgerTables['ledger_cases'] }, 'c'>;

/**
 * The case lies in `region` or under it. Correlated (a primary-key probe per case), so that the planner drives
 * from the other filters' indexes instead of from every case of a large region.
 */
export function inRegion(eb: CasesBuilder, region: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('ledger_case_regions as rr')
      .select(sql`1`.as('one'))
      .whereRef('rr.case_id', '=', 'c.case_id')
      .where('rr.region', '=', region),
  );
}

/**
 * A step of the case is active or claimed for `department`. The department's running steps are read once (from
 * the partial index over running steps), not probed per case: a correlated probe walked them all per case.
 */
export function waitingOn(eb: CasesBuilder, department: string): Expression<SqlBool> {
  return eb(
    'c.case_id',
    'in',
    eb
      .selectFrom('ledger_steps as ws')
      .select('ws.case_id')
      .where('ws.department', '=', department)
      .where(isRunningStep('ws.status')),
  );
}

/** `department` has held one of the case's steps at some time (so it keeps seeing the case). */
export function workedOnBy(eb: CasesBuilder, department: string): Expression<SqlBool> {
  return eb(
    'c.case_id',
    'in',
    eb
      .selectFrom('ledger_case_departments')
      .select('ledger_case_departments.case_id')
      .where('department', '=', department),
  );
}

/** The case is (or is not) past a deadline at `now`. */
export function overdueAt(eb: CasesBuilder, now: number, overdue: boolean): Expression<SqlBool> {
  return overdue
    ? eb.and([eb('c.overdue_from', 'is not', null), eb('c.overdue_from', '<', now)])
    : eb.or([eb('c.overdue_from', 'is', null), eb('c.overdue_from', '>=', now)]);
}

/** The case has (or has no) step overdue for claiming (签收时限) at `now`. */
export function claimOverdueAt(eb: CasesBuilder, now: number, overdue: boolean): Expression<SqlBool> {
  return overdue
    ? eb.and([eb('c.claim_overdue_from', 'is not', null), eb('c.claim_overdue_from', '<', now)])
    : eb.or([eb('c.claim_overdue_from', 'is', null), eb('c.claim_overdue_from', '>=', now)]);
}

/** Whether an `overdue_from` column value means overdue at `now`. */
export function isOverdueAt(overdueFrom: number | null, now: number): boolean {
  return overdueFrom !== null && Number(overdueFrom) < now;
}
