/**
 * From a case snapshot to the ledger's rows: the columns that search, supervision and metrics query, computed once
 * at projection time (local periods in the case's calendar zone, handling time on its pinned calendar, the
 * instant from which it counts as overdue). The pinned calendar is kept in its own column, not in the stored
 * snapshot. Pure.
 */
import type { LedgerEvent, LedgerSnapshot, LedgerStep } from '../workflows/engine/case/ledger-snapshot';
import { workingMillisBetween } from '../workflows/engine/time';
import type {
  CaseDepartmentsTable,
  CaseRegionsTable,
  CasesTable,
  EventsTable,
  StepsTable,
} from './ledger-tables';
import { localPeriods } from './local-periods';
import { storedRegionPath } from './region-paths';

/** Sort key of steps without a deadline: after every real one. */
export const NO_DEADLINE = 8_640_000_000_000_000;

/** Counts of events the case row keeps, read from the events table at write time. */
export interface EventCounts {
  readonly reworks: number;
  readonly extensions: number;
}

const isRunning = (step: LedgerStep): boolean => step.status === 'active' || step.status === 'claimed';
const flag = (value: boolean): number => (value ? 1 : 0);

/** From when the deadline counts as passed while the case is as snapshotted: 0 always, null never. */
function overdueFrom(snapshot: LedgerSnapshot, deadline: number | undefined): number | null {
  if (deadline === undefined) return null;
  if (snapshot.status === 'suspended') {
    // Clocks stand still at the suspension: overdue only if it already was then.
    return snapshot.suspendedAt !== undefined && snapshot.suspendedAt > deadline ? 0 : null;
  }
  return snapshot.status === 'open' ? deadline : null;
}

function stepDeadline(step: LedgerStep): number | undefined {
  return isRunning(step) && !step.parked ? step.dueAt : undefined;
}

/** The claim limit while the step waits to be claimed (active, not parked). */
function claimDeadline(step: LedgerStep): number | undefined {
  return step.status === 'active' && !step.parked ? step.claimDueAt : undefined;
}

function earliest(candidates: readonly (number | null)[]): number | null {
  const known = candidates.filter((at): at is number => at !== null);
  return known.length === 0 ? null : Math.min(...known);
}

function caseOverdueFrom(snapshot: LedgerSnapshot): number | null {
  const candidates = snapshot.steps.map((step) => overdueFrom(snapshot, stepDeadline(step)));
  const inReview = snapshot.review?.status === 'open';
  if (inReview && snapshot.dueAt !== undefined && (snapshot.resolvedAt ?? 0) > snapshot.dueAt) {
    candidates.push(snapshot.status === 'closed' || snapshot.status === 'cancelled' ? null : 0);
  } else if (!inReview) {
    candidates.push(overdueFrom(snapshot, snapshot.dueAt));
  }
  return earliest(candidates);
}

function nextDueAt(snapshot: LedgerSnapshot): number | null {
  if (snapshot.status !== 'open' && snapshot.status !== 'suspended') return null;
  const deadlines = snapshot.steps.map(stepDeadline).filter((at): at is number => at !== undefined);
  if (snapshot.dueAt !== undefined && snapshot.review?.status !== 'open') deadlines.push(snapshot.dueAt);
  return deadlines.length === 0 ? null : Math.min(...deadlines);
}

/** When the case counts as 应结案: resolved or due, whichever comes first; never while cancelled. */
function reckonAt(snapshot: LedgerSnapshot): number | null {
  if (snapshot.status === 'cancelled') return null;
  const resolved = snapshot.status === 'closed' ? (snapshot.resolvedAt ?? snapshot.closedAt) : undefined;
  const candidates = [resolved, snapshot.dueAt].filter((at): at is number => at !== undefined);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

function handlingWorkingMs(snapshot: LedgerSnapshot): number | null {
  const resolved = snapshot.resolvedAt ?? snapshot.closedAt;
  if (snapshot.status !== 'closed' || resolved === undefined || snapshot.calendar === undefined) return null;
  return workingMillisBetween(snapshot.calendar, snapshot.createdAt, resolved);
}

/** The case row of a snapshot. */
export function caseRow(snapshot: LedgerSnapshot, counts: EventCounts, writtenAt: number): CasesTable {
  const { calendar, ...stored } = snapshot;
  const reckon = reckonAt(snapshot);
  const periods = reckon === null ? undefined : localPeriods(reckon, snapshot.timezone);
  const closed = snapshot.status === 'closed';
  const waitingOn = new Set(snapshot.steps.filter(isRunning).flatMap((step) => step.department ?? []));
  return {
    case_id: snapshot.caseId,
    snapshot_seq: snapshot.seq,
    flow_id: snapshot.flowId,
    flow_version: snapshot.flowVersion,
    region: snapshot.region,
    timezone: snapshot.timezone,
    status: snapshot.status,
    stage: snapshot.stage,
    priority: snapshot.priority,
    emergency_level: snapshot.emergencyLevel,
    opened_at: snapshot.createdAt,
    closed_at: snapshot.closedAt ?? null,
    resolved_at: snapshot.resolvedAt ?? null,
    last_progress_at: snapshot.lastProgressAt,
    due_at: snapshot.dueAt ?? null,
    next_due_at: nextDueAt(snapshot),
    overdue_from: caseOverdueFrom(snapshot),
    claim_overdue_from: earliest(snapshot.steps.map((step) => overdueFrom(snapshot, claimDeadline(step)))),
    awaiting_decision: flag(
      snapshot.status === 'open' && snapshot.steps.some((step) => step.awaitingDecisionSince !== undefined),
    ),
    waiting_on: JSON.stringify([...waitingOn].sort()),
    reckon_at: reckon,
    reckon_day: periods?.day ?? null,
    reckon_week: periods?.week ?? null,
    reckon_month: periods?.month ?? null,
    reckon_quarter: periods?.quarter ?? null,
    closed: flag(closed),
    on_time: flag(closed && (snapshot.onTime ?? snapshot.dueAt === undefined)),
    suspended: flag(snapshot.status === 'suspended'),
    reworks: counts.reworks,
    extensions: counts.extensions,
    satisfaction: snapshot.satisfaction ?? null,
    handling_working_ms: handlingWorkingMs(snapshot),
    region_path: storedRegionPath(snapshot.regionPath),
    snapshot: JSON.stringify(stored),
    calendar: calendar === undefined ? null : JSON.stringify(calendar),
    written_at: writtenAt,
  };
}

/** The row of one of the case's timeline events. */
export function eventRow(caseId: string, event: LedgerEvent): EventsTable {
  return {
    case_id: caseId,
    seq: event.seq,
    at: event.at,
    type: event.type,
    step_id: event.stepId ?? null,
    actor_sub: event.actor.sub,
    actor_role: event.actor.role,
    actor_dept: event.actor.dept ?? null,
    detail: event.detail,
    round: event.round ?? null,
    department: event.department ?? null,
    deadline_at: event.deadlineAt ?? null,
  };
}

/** The step rows of a snapshot. */
export function stepRows(snapshot: LedgerSnapshot): StepsTable[] {
  return snapshot.steps.map((step) => ({
    case_id: snapshot.caseId,
    step_id: step.id,
    title: step.title,
    title_en: step.titleEn ?? null,
    stage: step.stage,
    kind: step.kind,
    status: step.status,
    round: step.round,
    department: step.department ?? null,
    due_at: step.dueAt ?? null,
    due_clock: step.dueClock ?? null,
    sort_due_at: step.dueAt ?? NO_DEADLINE,
    overdue_from: overdueFrom(snapshot, stepDeadline(step)),
    claim_due_at: step.claimDueAt ?? null,
    claim_overdue_from: overdueFrom(snapshot, claimDeadline(step)),
  }));
}

/** Every department named by the snapshot's steps or the events (assignees, acting departments). */
export function departmentRows(
  snapshot: LedgerSnapshot,
  events: readonly LedgerEvent[],
): CaseDepartmentsTable[] {
  const departments = new Set<string>();
  for (const step of snapshot.steps) if (step.department !== undefined) departments.add(step.department);
  for (const event of events) {
    if (event.department !== undefined) departments.add(event.department);
    if (event.actor.role === 'department' && event.actor.dept !== undefined)
      departments.add(event.actor.dept);
  }
  return [...departments].sort().map((department) => ({ case_id: snapshot.caseId, department }));
}

/** The case's region chain, root (depth 0) first. */
export function regionRows(snapshot: LedgerSnapshot): CaseRegionsTable[] {
  const chain = [...snapshot.regionPath].reverse();
  return chain.map((region, depth) => ({ case_id: snapshot.caseId, region, depth }));
}
