/**
 * Made-up cases as the workflow's feed would send them (events and snapshot), for seeding a ledger in tests and
 * the benchmark without running thousands of workflows. Codes and instants only; the engine's own batches are
 * tested separately (test/workflows/engine/case/ledger-snapshot.test.ts).
 */
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import type { LedgerBatch, LedgerEvent, LedgerStep } from '../../workflows/engine/case/ledger-snapshot';
import type { CaseStatus } from '../../workflows/engine/case/case-state';
import type { Clock } from '../../workflows/engine/flow-model';

export interface MadeUpCase {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly openedAt: number;
  readonly dueAt?: number;
  /** Closed cases: when the main steps finished (and the case closed). */
  readonly resolvedAt?: number;
  readonly suspendedAt?: number;
  readonly department: string;
  /** A 15-digit grid code (6 district + 3 street + 3 community + 3 grid) under 440100. */
  readonly grid: string;
  readonly flowId?: string;
  readonly stepDueAt?: number;
  /** The clock of the step's deadline, as the feed sends it (absent: as rows written before it was kept). */
  readonly stepDueClock?: Clock;
  /** The flow's English title of the step (absent: the flow has none). */
  readonly stepTitleEn?: string;
  readonly reworked?: boolean;
  readonly extended?: boolean;
  readonly satisfaction?: 'satisfied' | 'basically-satisfied' | 'unsatisfied';
  readonly lastProgressAt?: number;
}

const SYSTEM = { sub: 'fullcycle-engine', role: 'system' } as const;

/** The grid's chain up to the city (grid first), by the 15-digit code scheme. */
export function regionPathOf(grid: string): string[] {
  return [grid, grid.slice(0, 12), grid.slice(0, 9), grid.slice(0, 6), '440100'];
}

/** The batch the feed would send for the case in one write. */
export function madeUpBatch(c: MadeUpCase, calendar: WorkingCalendar): LedgerBatch {
  const open = c.status === 'open' || c.status === 'suspended';
  const event = (at: number, type: string, extra: Partial<LedgerEvent> = {}): Omit<LedgerEvent, 'seq'> => ({
    at,
    type,
    actor: SYSTEM,
    detail: type,
    ...extra,
  });
  const steps: LedgerStep[] = [
    {
      id: 'handle',
      title: '处置',
      ...(c.stepTitleEn === undefined ? {} : { titleEn: c.stepTitleEn }),
      stage: 'action',
      kind: 'task',
      status: open ? 'active' : 'completed',
      round: c.reworked ? 2 : 1,
      department: c.department,
      activatedAt: c.openedAt,
      ...(open ? {} : { completedAt: c.resolvedAt }),
      ...(c.stepDueAt === undefined ? {} : { dueAt: c.stepDueAt }),
      ...(c.stepDueClock === undefined ? {} : { dueClock: c.stepDueClock }),
      parked: false,
    },
  ];
  const events = [
    event(c.openedAt, 'case-started'),
    event(c.openedAt, 'step-activated', { stepId: 'handle', round: 1, department: c.department }),
    ...(c.extended ? [event(c.openedAt + 1, 'extension-approved', { stepId: 'handle' })] : []),
    ...(c.reworked ? [event(c.openedAt + 2, 'rework-started', { stepId: 'handle' })] : []),
    ...(c.suspendedAt === undefined ? [] : [event(c.suspendedAt, 'case-suspended')]),
    ...(open ? [] : [event(c.resolvedAt!, 'step-completed'), event(c.resolvedAt!, 'case-closed')]),
  ].map((e, seq) => ({ ...e, seq }));
  const resolved = open ? undefined : c.resolvedAt;
  return {
    caseId: c.caseId,
    events,
    snapshot: {
      seq: events.length - 1,
      caseId: c.caseId,
      flowId: c.flowId ?? 'urban.exposed-garbage',
      flowVersion: 1,
      region: c.grid,
      regionPath: regionPathOf(c.grid),
      timezone: calendar.timezone,
      status: c.status,
      stage: open ? 'action' : 'closed',
      priority: 'normal',
      emergencyLevel: 0,
      createdAt: c.openedAt,
      ...(resolved === undefined ? {} : { closedAt: resolved, resolvedAt: resolved }),
      ...(c.suspendedAt === undefined ? {} : { suspendedAt: c.suspendedAt }),
      lastProgressAt: c.lastProgressAt ?? resolved ?? c.openedAt,
      ...(c.dueAt === undefined ? {} : { dueAt: c.dueAt }),
      ...(resolved !== undefined && c.dueAt !== undefined ? { onTime: resolved <= c.dueAt } : {}),
      ...(c.satisfaction === undefined ? {} : { satisfaction: c.satisfaction, resolved: true }),
      data: { address: 'made up' },
      steps,
      // The feed sends the pinned calendar with a run's first write and every write once resolved.
      calendar,
    },
  };
}
