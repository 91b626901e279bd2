/**
 * A department's inbox from the ledger: the active or claimed steps assigned to it in open cases, soonest
 * deadline first (steps without one last), then by case and step; keyset-paged, with no cap on its length. Each
 * item with a deadline carries the time left to it on the deadline's own clock (`remainingMinutes`), and the
 * working minutes left on the calendar its case pinned (as the ledger holds it), never on today's calendar files: a
 * case keeps the calendar it started with.
 */
import type { StepStatus } from '../../workflows/engine/case/case-state';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import type { Clock, Stage } from '../../workflows/engine/flow-model';
import { formatInstant, provisionalNote, workingMillisBetween } from '../../workflows/engine/time';
import { NO_DEADLINE } from '../case-projection';
import type { Ledger } from '../open-ledger';
import { inRegion, isOverdueAt } from './case-filters';
import { isRunningStep } from '../running-steps';

export interface InboxRequest {
  readonly department: string;
  /** Only cases in this region or under it (a supervisor's scope). */
  readonly region?: string;
  readonly limit: number;
  /** The cursor of the previous page: [sortDueAt, caseId, stepId]. */
  readonly after?: readonly [number, string, string];
  readonly now: number;
}

export interface InboxTask {
  readonly caseId: string;
  readonly stepId: string;
  readonly title: string;
  /** The flow's English title of the step, when it has one (and the ledger holds it). */
  readonly titleEn?: string;
  readonly stage: Stage;
  readonly status: Extract<StepStatus, 'active' | 'claimed'>;
  readonly dueAt?: string;
  readonly overdue: boolean;
  /** 签收时限: the limit for claiming the step, when it has one; `claimOverdue` with it. */
  readonly claimDueAt?: string;
  readonly claimOverdue?: boolean;
  readonly region: string;
  readonly flowId: string;
  /**
   * Working minutes from now to `dueAt` on the case's pinned calendar, rounded toward zero; negative once past it.
   * Absent without a deadline, or while the ledger does not hold the case's calendar yet.
   */
  readonly remainingWorkingMinutes?: number;
  /** The clock `dueAt` runs on; absent while the ledger does not hold it (rows written before it was kept). */
  readonly dueClock?: Clock;
  /**
   * Minutes from now to `dueAt` on `dueClock`, rounded toward zero, negative once past it: wall-clock minutes for a
   * calendar clock (an urgent 1-hour step at night still has its minutes), working minutes for a working clock.
   * Absent without a deadline, or when neither the clock nor (for a working clock) the calendar is known.
   */
  readonly remainingMinutes?: number;
  /** Why that count may still change: it runs through a year whose holiday arrangement that calendar lacks. */
  readonly dueProvisional?: string;
}

const MINUTE = 60_000;

/** Parses each distinct calendar text of a page once. */
function calendarParser(): (text: string | null) => WorkingCalendar | undefined {
  const parsed = new Map<string, WorkingCalendar>();
  return (text) => {
    if (text === null) return undefined;
    let calendar = parsed.get(text);
    if (calendar === undefined) {
      calendar = JSON.parse(text) as WorkingCalendar;
      parsed.set(text, calendar);
    }
    return calendar;
  };
}

/** A stored clock name, if it is one (a row written before the clock was kept holds none). */
function clockOf(text: string | null): Clock | undefined {
  return text === 'working' || text === 'calendar' ? text : undefined;
}

/** One page of the inbox and the cursor of the next, if any. */
export async function departmentInbox(
  ledger: Ledger,
  request: InboxRequest,
): Promise<{ items: InboxTask[]; next?: [number, string, string] }> {
  let query = ledger.db
    .selectFrom('ledger_steps as s')
    .innerJoin('ledger_cases as c', 'c.case_id', 's.case_id')
    .select([
      's.case_id',
      's.step_id',
      's.title',
      's.title_en',
      's.stage',
      's.status',
      's.due_at',
      's.due_clock',
      's.sort_due_at',
      's.overdue_from',
      's.claim_due_at',
      's.claim_overdue_from',
      'c.region',
      'c.flow_id',
      'c.timezone',
      'c.calendar',
    ])
    .where('s.department', '=', request.department)
    .where(isRunningStep('s.status'))
    .where('c.status', '=', 'open');
  if (request.region !== undefined) {
    const region = request.region;
    query = query.where((eb) => inRegion(eb, region));
  }
  if (request.after !== undefined) {
    const [due, caseId, stepId] = request.after;
    query = query.where((eb) =>
      eb(eb.refTuple('s.sort_due_at', 's.case_id', 's.step_id'), '>', eb.tuple(due, caseId, stepId)),
    );
  }
  const rows = await query
    .orderBy('s.sort_due_at')
    .orderBy('s.case_id')
    .orderBy('s.step_id')
    .limit(request.limit + 1)
    .execute();
  const calendarOf = calendarParser();
  const remaining = (dueAt: number, clock: Clock | undefined, calendar: WorkingCalendar | undefined) => {
    const working = calendar && Math.trunc(workingMillisBetween(calendar, request.now, dueAt) / MINUTE);
    const onClock = clock === 'calendar' ? Math.trunc((dueAt - request.now) / MINUTE) : clock && working;
    const provisional = calendar && provisionalNote(calendar, request.now, dueAt);
    return {
      ...(working === undefined ? {} : { remainingWorkingMinutes: working }),
      ...(onClock === undefined ? {} : { dueClock: clock, remainingMinutes: onClock }),
      ...(provisional === undefined ? {} : { dueProvisional: provisional }),
    };
  };
  const items = rows.slice(0, request.limit).map(
    (row): InboxTask => ({
      caseId: row.case_id,
      stepId: row.step_id,
      title: row.title,
      ...(row.title_en === null ? {} : { titleEn: row.title_en }),
      stage: row.stage as Stage,
      status: row.status as InboxTask['status'],
      ...(row.due_at === null || Number(row.sort_due_at) === NO_DEADLINE
        ? {}
        : {
            dueAt: formatInstant(Number(row.due_at), row.timezone),
            ...remaining(Number(row.due_at), clockOf(row.due_clock), calendarOf(row.calendar)),
          }),
      overdue: isOverdueAt(row.overdue_from, request.now),
      ...(row.claim_due_at === null
        ? {}
        : {
            claimDueAt: formatInstant(Number(row.claim_due_at), row.timezone),
            claimOverdue: isOverdueAt(row.claim_overdue_from, request.now),
          }),
      region: row.region,
      flowId: row.flow_id,
    }),
  );
  const last = rows.length > request.limit ? rows[request.limit - 1] : undefined;
  return last === undefined
    ? { items }
    : { items, next: [Number(last.sort_due_at), last.case_id, last.step_id] };
}
