/**
 * `GET /v1/cases` from the ledger: every case (open or long closed) by flow, version, region subtree, status,
 * stage, department, overdue, emergency, opened/closed between and case-id prefix; sorted, keyset-paged.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Priority } from '../../workflows/engine/case-input';
import type { CaseStatus } from '../../workflows/engine/case/case-state';
import type { CaseStage } from '../../workflows/engine/case/stage';
import { formatInstant } from '../../workflows/engine/time';
import { NO_DEADLINE } from '../case-projection';
import type { Ledger } from '../open-ledger';
import { inRegion, isOverdueAt, overdueAt, workedOnBy } from './case-filters';

export const CASE_SORTS = ['openedAt', 'closedAt', 'dueAt', 'lastProgressAt'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseSearch {
  readonly flowId?: string;
  readonly flowVersion?: number;
  /** The case lies in this region or under it. */
  readonly region?: string;
  readonly status?: CaseStatus;
  readonly stage?: CaseStage;
  /** The department has held one of the case's steps (now or before). */
  readonly department?: string;
  readonly overdue?: boolean;
  /** An emergency is open (true) or not (false). */
  readonly emergency?: boolean;
  readonly openedFrom?: number;
  readonly openedTo?: number;
  readonly closedFrom?: number;
  readonly closedTo?: number;
  readonly caseIdPrefix?: string;
  readonly sort: CaseSort;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  /** The cursor of the previous page: [sort value, caseId]. */
  readonly after?: readonly [number, string];
  readonly now: number;
}

export interface CaseListing {
  readonly caseId: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly region: string;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly priority: Priority;
  readonly emergencyLevel: number;
  readonly createdAt: string;
  readonly closedAt?: string;
  readonly dueAt?: string;
  readonly overdue: boolean;
  readonly lastProgressAt: string;
  readonly waitingOn: string[];
}

/** Cases without the sorted instant (no closure, no deadline) sort after every one with it. */
const SORT_COLUMNS: Record<CaseSort, RawBuilder<number>> = {
  openedAt: sql<number>`c.opened_at`,
  lastProgressAt: sql<number>`c.last_progress_at`,
  closedAt: sql<number>`coalesce(c.closed_at, ${sql.lit(NO_DEADLINE)})`,
  dueAt: sql<number>`coalesce(c.due_at, ${sql.lit(NO_DEADLINE)})`,
};

/** Escapes LIKE's wildcards (case ids may hold `_`). */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** One page of matching cases and the cursor of the next. */
export async function searchCases(
  ledger: Ledger,
  search: CaseSearch,
): Promise<{ items: CaseListing[]; next?: [number, string] }> {
  const sortKey = SORT_COLUMNS[search.sort];
  let query = ledger.db
    .selectFrom('ledger_cases as c')
    .select([
      'c.case_id',
      'c.flow_id',
      'c.flow_version',
      'c.region',
      'c.status',
      'c.stage',
      'c.priority',
      'c.emergency_level',
      'c.opened_at',
      'c.closed_at',
      'c.due_at',
      'c.overdue_from',
      'c.last_progress_at',
      'c.waiting_on',
      'c.timezone',
      sortKey.as('sort_key'),
    ]);
  const s = search;
  if (s.flowId !== undefined) query = query.where('c.flow_id', '=', s.flowId);
  if (s.flowVersion !== undefined) query = query.where('c.flow_version', '=', s.flowVersion);
  if (s.region !== undefined) query = query.where((eb) => inRegion(eb, s.region!));
  if (s.status !== undefined) query = query.where('c.status', '=', s.status);
  if (s.stage !== undefined) query = query.where('c.stage', '=', s.stage);
  if (s.department !== undefined) query = query.where((eb) => workedOnBy(eb, s.department!));
  if (s.overdue !== undefined) query = query.where((eb) => overdueAt(eb, s.now, s.overdue!));
  if (s.emergency !== undefined) query = query.where('c.emergency_level', s.emergency ? '>' : '=', 0);
  if (s.openedFrom !== undefined) query = query.where('c.opened_at', '>=', s.openedFrom);
  if (s.openedTo !== undefined) query = query.where('c.opened_at', '<', s.openedTo);
  if (s.closedFrom !== undefined) query = query.where('c.closed_at', '>=', s.closedFrom);
  if (s.closedTo !== undefined) query = query.where('c.closed_at', '<', s.closedTo);
  if (s.caseIdPrefix !== undefined) {
    query = query.where(sql<boolean>`c.case_id like ${likePrefix(s.caseIdPrefix)} escape '\\'`);
  }
  if (s.after !== undefined) {
    const [value, caseId] = s.after;
    const comparison = s.order === 'asc' ? sql`>` : sql`<`;
    query = query.where(sql<boolean>`(${sortKey}, c.case_id) ${comparison} (${value}, ${caseId})`);
  }
  const rows = await query
    .orderBy(sortKey, s.order)
    .orderBy('c.case_id', s.order)
    .limit(s.limit + 1)
    .execute();
  const items = rows.slice(0, s.limit).map((row): CaseListing => {
    const at = (ms: number | null) => (ms === null ? undefined : formatInstant(Number(ms), row.timezone));
    const closedAt = at(row.closed_at);
    const dueAt = at(row.due_at);
    return {
      caseId: row.case_id,
      flowId: row.flow_id,
      flowVersion: Number(row.flow_version),
      region: row.region,
      status: row.status as CaseStatus,
      stage: row.stage as CaseStage,
      priority: row.priority as Priority,
      emergencyLevel: Number(row.emergency_level),
      createdAt: formatInstant(Number(row.opened_at), row.timezone),
      ...(closedAt === undefined ? {} : { closedAt }),
      ...(dueAt === undefined ? {} : { dueAt }),
      overdue: isOverdueAt(row.overdue_from, s.now),
      lastProgressAt: formatInstant(Number(row.last_progress_at), row.timezone),
      waitingOn: JSON.parse(row.waiting_on) as string[],
    };
  });
  const last = rows.length > s.limit ? rows[s.limit - 1] : undefined;
  return last === undefined ? { items } : { items, next: [Number(last.sort_key), last.case_id] };
}
