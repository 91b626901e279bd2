/**
 * A city's year of made-up cases for the ledger benchmark, as the workflow's feed would send them (one batch per
 * case: every event so far and the snapshot): the reference flows' routes (case-routes.ts) across the
 * directory's grids, closed cases opened over the 12 months before `now`, open cases recent or stalled, some
 * closed late or overdue now, some reworked, extended, suspended, most closed ones rated by the citizen.
 * Deterministic: case `i` is the same on every run and every engine.
 */
import type { Actor } from '../../../workflows/engine/case-input';
import type {
  LedgerBatch,
  LedgerEvent,
  LedgerSnapshot,
  LedgerStep,
} from '../../../workflows/engine/case/ledger-snapshot';
import type { CaseRoute } from './case-routes';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How often each flow comes in: the urban and hotline flows dominate a city's load. */
const FLOW_WEIGHTS: Readonly<Record<string, number>> = {
  'urban.exposed-garbage': 40,
  'hotline.12345-complaint': 35,
  'urban.missing-manhole-cover': 15,
  'business.startup': 8,
  'health.public-health-report': 2,
};

/** The shares of the variants (per case, independently). */
const SHARE = {
  closedLate: 0.15,
  openStalled: 0.25,
  reworked: 0.07,
  extended: 0.05,
  suspendedNow: 0.03,
  suspendedOnce: 0.02,
  rated: 0.7,
  claimed: 0.7,
} as const;

/** A small seeded generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Routes by flow, so that a case picks its flow by weight and then its grid. */
export function routesByFlow(routes: readonly CaseRoute[]): Map<string, CaseRoute[]> {
  const byFlow = new Map<string, CaseRoute[]>();
  for (const route of routes) byFlow.set(route.flowId, [...(byFlow.get(route.flowId) ?? []), route]);
  return byFlow;
}

function pickRoute(rng: () => number, byFlow: ReadonlyMap<string, readonly CaseRoute[]>): CaseRoute {
  const flows = [...byFlow.keys()];
  const total = flows.reduce((sum, flow) => sum + (FLOW_WEIGHTS[flow] ?? 1), 0);
  let draw = rng() * total;
  for (const flow of flows) {
    draw -= FLOW_WEIGHTS[flow] ?? 1;
    if (draw <= 0) return pick(rng, byFlow.get(flow)!);
  }
  return pick(rng, byFlow.get(flows.at(-1)!)!);
}

const SYSTEM: Actor = { sub: 'fullcycle-engine', role: 'system' };
const INTAKE: Actor = { sub: 'intake-gateway', role: 'intake' };
const VISITOR: Actor = { sub: 'visit-seat-3', role: 'supervisor', dept: 'gz-hotline-12345' };
const officer = (dept: string, n: number): Actor => ({ sub: `${dept}-${n % 7}`, role: 'department', dept });

interface Plan {
  readonly open: boolean;
  readonly openedAt: number;
  /** Open cases: how far along (ms since opening); closed: how long resolution took. */
  readonly elapsed: number;
  readonly reworked: boolean;
  readonly extended: boolean;
  readonly suspendedNow: boolean;
  readonly suspendedOnce: boolean;
}

/** When and how the case runs: closed ones over the past year, open ones recent or stalled. */
function plan(i: number, open: boolean, route: CaseRoute, rng: () => number, now: number): Plan {
  const allowance = route.caseAllowanceMs;
  const late = rng() < (open ? SHARE.openStalled : SHARE.closedLate);
  const elapsed = Math.round(
    allowance * (late ? 1.05 + rng() * (open ? 7 : 2) : open ? rng() : 0.15 + rng() * 0.8),
  );
  const openedAt = open ? now - elapsed : now - 5 * DAY - 2 * elapsed - rng() * 360 * DAY;
  return {
    open,
    openedAt: Math.floor(openedAt / MINUTE) * MINUTE + (i % 60) * 1000,
    elapsed,
    reworked: rng() < SHARE.reworked,
    extended: rng() < SHARE.extended,
    suspendedNow: open && rng() < SHARE.suspendedNow,
    suspendedOnce: !open && rng() < SHARE.suspendedOnce,
  };
}

/** Builds one case's batch; `open` cases stop in the middle of their route. */
export function madeUpCase(
  i: number,
  open: boolean,
  byFlow: ReadonlyMap<string, readonly CaseRoute[]>,
  now: number,
): LedgerBatch {
  const rng = random(i * 2_654_435_761);
  const route = pickRoute(rng, byFlow);
  const p = plan(i, open, route, rng, now);
  const caseId = `GZ-${open ? 'O' : 'C'}-${String(i).padStart(7, '0')}`;
  const events: Omit<LedgerEvent, 'seq'>[] = [];
  const event = (at: number, type: string, actor: Actor, extra: Partial<LedgerEvent> = {}): void => {
    events.push({ at, type, actor, detail: type, ...extra });
  };
  event(p.openedAt, 'case-started', INTAKE);
  const steps = new Map<string, LedgerStep>(
    route.closed.steps.map((step) => [
      step.id,
      { ...step, status: step.status === 'completed' ? 'pending' : step.status, round: 1 },
    ]),
  );
  const actionStep = route.groups.flat().find((id) => steps.get(id)!.stage === 'action');
  const limits = route.groups.map((group) => Math.max(...group.map((id) => route.allowanceMs[id]!)));
  const limitsTotal = limits.reduce((sum, limit) => sum + limit, 0);
  // Open cases run the group `current` now, having spent part of their time on the groups before it.
  const current = p.open ? currentGroup(route, rng) : route.groups.length;
  const spent = p.open ? Math.round(p.elapsed * (0.2 + 0.7 * rng())) : p.elapsed;
  const before = limits.slice(0, current).reduce((sum, limit) => sum + limit, 0) || 1;
  let at = p.openedAt;
  for (const [g, group] of route.groups.slice(0, current + 1).entries()) {
    const running = g === current;
    const groupTime = running ? 0 : Math.round((spent * limits[g]!) / (p.open ? before : limitsTotal));
    let groupEnd = at;
    for (const [n, id] of group.entries()) {
      const step = steps.get(id)!;
      const extended = p.extended && id === actionStep;
      const dueAt = at + route.allowanceMs[id]! + (extended ? DAY : 0);
      const department = step.department;
      const dept = department === undefined ? {} : { department };
      event(at, 'step-activated', SYSTEM, { stepId: id, round: 1, ...dept, deadlineAt: dueAt });
      if (step.kind === 'service') event(at, 'service-called', SYSTEM, { stepId: id });
      const took = Math.max(MINUTE, Math.round(groupTime * (0.5 + 0.5 * rng())));
      const done = !running || (n > 0 && rng() < 0.3);
      const doneAt = running ? at + Math.round((now - at) * rng()) : at + took;
      const claimed = step.kind === 'task' && rng() < SHARE.claimed;
      const claimedAt = at + Math.round(Math.min((done ? doneAt - at : now - at) / 3, HOUR));
      const actor = step.kind === 'task' ? officer(department ?? 'none', i) : SYSTEM;
      if (claimed) event(claimedAt, 'step-claimed', actor, { stepId: id, round: 1, ...dept });
      if (extended) {
        event(claimedAt + 1, 'extension-requested', actor, { stepId: id });
        event(claimedAt + 2, 'extension-approved', SYSTEM, { stepId: id, deadlineAt: dueAt });
      }
      if (done) {
        event(doneAt, 'step-completed', actor, { stepId: id, round: 1, ...dept });
        groupEnd = Math.max(groupEnd, doneAt);
      } else if (now > dueAt) {
        event(dueAt, 'urged', SYSTEM, { stepId: id });
      }
      steps.set(id, {
        ...step,
        status: done ? 'completed' : claimed ? 'claimed' : 'active',
        activatedAt: at,
        ...(claimed ? { claimedAt } : {}),
        ...(done ? { completedAt: doneAt } : {}),
        dueAt,
      });
    }
    if (p.reworked && !running && group.includes(actionStep ?? '')) {
      const step = steps.get(actionStep!)!;
      event(groupEnd + HOUR, 'rework-started', officer(step.department ?? 'none', i + 1), {
        stepId: actionStep,
        round: 2,
        ...(step.department === undefined ? {} : { department: step.department }),
      });
      steps.set(actionStep!, { ...step, round: 2 });
      groupEnd += 2 * HOUR;
    }
    at = groupEnd;
  }
  return finish(i, caseId, route, p, steps, events, now, p.open ? undefined : at, rng);
}

/** The group an open case is in now: one with a task (services finish at once). */
function currentGroup(route: CaseRoute, rng: () => number): number {
  const withTasks = route.groups
    .map((group, g) => ({ group, g }))
    .filter(({ group }) => group.some((id) => route.closed.steps.find((s) => s.id === id)?.kind === 'task'));
  return pick(rng, withTasks).g;
}

function finish(
  i: number,
  caseId: string,
  route: CaseRoute,
  p: Plan,
  steps: ReadonlyMap<string, LedgerStep>,
  events: Omit<LedgerEvent, 'seq'>[],
  now: number,
  resolvedAt: number | undefined,
  rng: () => number,
): LedgerBatch {
  const open = resolvedAt === undefined;
  const dueAt = p.openedAt + route.caseAllowanceMs + (p.extended ? DAY : 0);
  const suspendedAt = p.suspendedNow ? p.openedAt + Math.round(p.elapsed / 3) : undefined;
  if (suspendedAt !== undefined)
    events.push({ at: suspendedAt, type: 'case-suspended', actor: VISITOR, detail: 'x' });
  if (p.suspendedOnce) {
    events.push({ at: p.openedAt + HOUR, type: 'case-suspended', actor: VISITOR, detail: '缓办' });
    events.push({ at: p.openedAt + 2 * HOUR, type: 'case-resumed', actor: VISITOR, detail: '恢复' });
  }
  let satisfaction: string | undefined;
  let closedAt: number | undefined;
  if (!open) {
    closedAt = resolvedAt!;
    if (route.review) {
      events.push({ at: resolvedAt, type: 'review-opened', actor: SYSTEM, detail: '回访' });
      if (rng() < SHARE.rated) {
        const draw = rng();
        satisfaction = draw < 0.8 ? 'satisfied' : draw < 0.92 ? 'basically-satisfied' : 'unsatisfied';
        closedAt = resolvedAt + HOUR + Math.floor(rng() * DAY);
        events.push({ at: closedAt, type: 'feedback-received', actor: VISITOR, detail: satisfaction });
      } else {
        closedAt = resolvedAt + 3 * DAY;
      }
    }
    events.push({ at: closedAt, type: 'case-closed', actor: SYSTEM, detail: '结案' });
  }
  const ordered = events
    .filter((e) => e.at <= now)
    .sort((a, b) => a.at - b.at)
    .map((e, seq) => ({ ...e, seq }));
  const running = [...steps.values()].find((s) => s.status === 'active' || s.status === 'claimed');
  const snapshot: LedgerSnapshot = {
    ...route.closed,
    seq: ordered.length - 1,
    caseId,
    status: open ? (suspendedAt === undefined ? 'open' : 'suspended') : 'closed',
    stage: open ? (running?.stage ?? 'assessment') : 'closed',
    createdAt: p.openedAt,
    closedAt,
    resolvedAt,
    ...(suspendedAt === undefined ? {} : { suspendedAt }),
    lastProgressAt: ordered.at(-1)!.at,
    dueAt,
    onTime: open ? undefined : resolvedAt <= dueAt,
    review: undefined,
    satisfaction,
    resolved: satisfaction === undefined ? undefined : true,
    data: { ...route.closed.data, address: `${route.grid} 号楼 ${i % 300}` },
    steps: [...steps.values()],
    calendar: open ? undefined : route.closed.calendar,
  };
  return { caseId, events: ordered, snapshot: withoutUndefined(snapshot) };
}

/** JSON drops undefined anyway; the snapshot compared by tests and written by the feed never holds it. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
