/**
 * Supervision from the ledger: open cases that are stuck (filters of `GET /v1/supervision/stalled`), longest idle
 * first, keyset-paged; and the counts of open cases by stage and of overdue cases by waiting department.
 */
import type { Stage } from '../../workflows/engine/flow-model';
import { STAGES } from '../../workflows/engine/flow-model';
import { formatInstant } from '../../workflows/engine/time';
import type { Ledger } from '../open-ledger';
import { claimOverdueAt, inRegion, isOverdueAt, overdueAt, waitingOn } from './case-filters';
import { isRunningStep } from '../running-steps';

export interface StalledRequest {
  readonly region?: string;
  readonly department?: string;
  readonly stage?: Stage;
  readonly overdue?: boolean;
  /** A step unclaimed past its claim limit (签收时限), or none. */
  readonly claimOverdue?: boolean;
  /** Waiting for a supervisor's rework decision, or not. */
  readonly awaitingDecision?: boolean;
  /** Only cases whose last progress is before this instant. */
  readonly idleSince?: number;
  readonly limit: number;
  /** The cursor of the previous page: [lastProgressAt, caseId]. */
  readonly after?: readonly [number, string];
  readonly now: number;
}

export interface StalledCase {
  readonly caseId: string;
  readonly flowId: string;
  readonly stage: Stage;
  readonly region: string;
  readonly waitingOn: string[];
  readonly nextDueAt?: string;
  readonly overdue: boolean;
  /** A step is unclaimed past its claim limit (签收时限). */
  readonly claimOverdue: boolean;
  /** A rework past its `max` waits for a supervisor's decision. */
  readonly awaitingDecision: boolean;
  readonly lastProgressAt: string;
}

/** One page of stalled cases, longest idle first, and the cursor of the next. */
export async function stalledCases(
  ledger: Ledger,
  request: StalledRequest,
): Promise<{ items: StalledCase[]; next?: [number, string] }> {
  let query = ledger.db
    .selectFrom('ledger_cases as c')
    .select([
      'c.case_id',
      'c.flow_id',
      'c.stage',
      'c.region',
      'c.waiting_on',
      'c.next_due_at',
      'c.overdue_from',
      'c.claim_overdue_from',
      'c.awaiting_decision',
      'c.last_progress_at',
      'c.timezone',
    ])
    .where('c.status', '=', 'open');
  const { region, department, stage, overdue, claimOverdue, awaitingDecision, idleSince, after } = request;
  if (region !== undefined) query = query.where((eb) => inRegion(eb, region));
  if (department !== undefined) query = query.where((eb) => waitingOn(eb, department));
  if (stage !== undefined) query = query.where('c.stage', '=', stage);
  if (overdue !== undefined) query = query.where((eb) => overdueAt(eb, request.now, overdue));
  if (claimOverdue !== undefined) query = query.where((eb) => claimOverdueAt(eb, request.now, claimOverdue));
  if (awaitingDecision !== undefined)
    query = query.where('c.awaiting_decision', '=', awaitingDecision ? 1 : 0);
  if (idleSince !== undefined) query = query.where('c.last_progress_at', '<', idleSince);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple('c.last_progress_at', 'c.case_id'), '>', eb.tuple(after[0], after[1])),
    );
  }
  const rows = await query
    .orderBy('c.last_progress_at')
    .orderBy('c.case_id')
    .limit(request.limit + 1)
    .execute();
  const items = rows.slice(0, request.limit).map(
    (row): StalledCase => ({
      caseId: row.case_id,
      flowId: row.flow_id,
      stage: row.stage as Stage,
      region: row.region,
      waitingOn: JSON.parse(row.waiting_on) as string[],
      ...(row.next_due_at === null
        ? {}
        : { nextDueAt: formatInstant(Number(row.next_due_at), row.timezone) }),
      overdue: isOverdueAt(row.overdue_from, request.now),
      claimOverdue: isOverdueAt(row.claim_overdue_from, request.now),
      awaitingDecision: Number(row.awaiting_decision) === 1,
      lastProgressAt: formatInstant(Number(row.last_progress_at), row.timezone),
    }),
  );
  const last = rows.length > request.limit ? rows[request.limit - 1] : undefined;
  return last === undefined ? { items } : { items, next: [Number(last.last_progress_at), last.case_id] };
}

export interface OpenCaseCounts {
  readonly openByStage: Record<Stage, number>;
  readonly overdueByDepartment: Record<string, number>;
}

/** Open cases by stage, and overdue open cases by each department a running step waits on. */
export async function openCaseCounts(
  ledger: Ledger,
  request: { readonly region?: string; readonly now: number },
): Promise<OpenCaseCounts> {
  const { region, now } = request;
  let byStage = ledger.db
    .selectFrom('ledger_cases as c')
    .select(['c.stage', (eb) => eb.fn.countAll<number>().as('count')])
    .where('c.status', '=', 'open');
  if (region !== undefined) byStage = byStage.where((eb) => inRegion(eb, region));
  let byDepartment = ledger.db
    .selectFrom('ledger_cases as c')
    .innerJoin('ledger_steps as s', 's.case_id', 'c.case_id')
    .select(['s.department', (eb) => eb.fn.count<number>('c.case_id').distinct().as('count')])
    .where('c.status', '=', 'open')
    .where(isRunningStep('s.status'))
    .where('s.department', 'is not', null)
    .where((eb) => overdueAt(eb, now, true));
  if (region !== undefined) byDepartment = byDepartment.where((eb) => inRegion(eb, region));
  const [stages, departments] = await Promise.all([
    byStage.groupBy('c.stage').execute(),
    byDepartment.groupBy('s.department').execute(),
  ]);
  const openByStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const row of stages) if (row.stage in openByStage) openByStage[row.stage as Stage] = Number(row.count);
  const overdueByDepartment: Record<string, number> = {};
  for (const row of departments) {
    if (row.department !== null) overdueByDepartment[row.department] = Number(row.count);
  }
  return { openByStage, overdueByDepartment };
}
