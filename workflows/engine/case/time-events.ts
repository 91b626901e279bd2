/**
 * What the passing of time does: escalation rungs (of deadlines and of claim limits), claim limits, wait timers,
 * the review window, the whole-case SLA.
 */
import { assigneeKey } from '../case-input';
import type { TaskStep } from '../flow-model';
import { formatInstant } from '../time';
import type { CaseState, RungState } from './case-state';
import { waitsForClaim } from './claim-limits';
import { ENGINE_ACTOR } from './case-state';
import type { Transition } from './commands';
import { completeStep } from './completion';
import { levelName, setEmergencyLevel } from './emergency';
import { findStep, stepTitle } from './flow-graph';
import { closeCase, settle } from './settle';
import type { Tx } from './tx';
import { begin, finish, notify, patchCase, patchStep, record, stepState } from './tx';

type Ladder = 'deadline' | 'claim';

type TimeEvent =
  | {
      readonly at: number;
      readonly kind: 'rung';
      readonly stepId: string;
      readonly index: number;
      readonly ladder: Ladder;
    }
  | { readonly at: number; readonly kind: 'claimDue'; readonly stepId: string }
  | { readonly at: number; readonly kind: 'wait'; readonly stepId: string }
  | { readonly at: number; readonly kind: 'review' }
  | { readonly at: number; readonly kind: 'caseSla' };

const MAX_EVENTS = 10_000;

/** Processes, oldest first, everything due at or before `now`, then runs the flow forward. */
export function applyTime(state: CaseState, now: number): Transition {
  const tx = begin(state, now);
  for (let count = 0; count < MAX_EVENTS; count += 1) {
    const next = pendingEvents(tx.state).find((event) => event.at <= now);
    if (next === undefined) break;
    processEvent(tx, next);
  }
  settle(tx);
  return finish(tx);
}

/** The earliest instant at which `applyTime` has something to do; undefined when nothing is scheduled. */
export function nextWakeAt(state: CaseState): number | undefined {
  return pendingEvents(state)[0]?.at;
}

/** Scheduled events of an open case, soonest first; nothing runs while suspended or after closure. */
function pendingEvents(state: CaseState): TimeEvent[] {
  if (state.status !== 'open') return [];
  const events: TimeEvent[] = [];
  for (const step of Object.values(state.steps)) {
    const running = step.status === 'active' || step.status === 'claimed';
    if (!running) continue;
    if (!step.parked) {
      step.rungs.forEach((rung, index) => {
        if (!rung.fired)
          events.push({ at: rung.at, kind: 'rung', stepId: step.id, index, ladder: 'deadline' });
      });
    }
    if (waitsForClaim(step)) {
      if (step.claimDeadline !== undefined && step.claimLapsed !== true) {
        events.push({ at: step.claimDeadline.at, kind: 'claimDue', stepId: step.id });
      }
      (step.claimRungs ?? []).forEach((rung, index) => {
        if (!rung.fired) events.push({ at: rung.at, kind: 'rung', stepId: step.id, index, ladder: 'claim' });
      });
    }
    if (step.waitUntil !== undefined && step.incident === undefined) {
      events.push({ at: step.waitUntil, kind: 'wait', stepId: step.id });
    }
  }
  if (state.review?.status === 'open') events.push({ at: state.review.window.at, kind: 'review' });
  if (state.caseDeadline !== undefined && !state.caseOverdueNotified && state.review?.status !== 'open') {
    events.push({ at: state.caseDeadline.at, kind: 'caseSla' });
  }
  return events.sort((a, b) => a.at - b.at);
}

function processEvent(tx: Tx, event: TimeEvent): void {
  switch (event.kind) {
    case 'rung':
      return fireRung(tx, event.stepId, event.index, event.ladder);
    case 'claimDue':
      return claimLapsed(tx, event.stepId);
    case 'wait':
      patchStep(tx, event.stepId, { waitUntil: undefined });
      return completeStep(tx, event.stepId, undefined);
    case 'review': {
      const review = tx.state.review;
      if (review !== undefined) patchCase(tx, { review: { ...review, status: 'done' } });
      return closeCase(tx, 'the feedback window closed');
    }
    case 'caseSla':
      patchCase(tx, { caseOverdueNotified: true });
      record(tx, 'case-overdue', 'the whole-case time limit has passed');
      return notify(tx, 'overdue', `Case ${tx.state.input.caseId} is past its whole-case time limit`);
  }
}

/** The claim limit passed with the step unclaimed: recorded once, the department reminded. */
function claimLapsed(tx: Tx, stepId: string): void {
  const state = stepState(tx, stepId);
  const step = findStep(tx.state.input.flow, stepId);
  if (step === undefined || state.claimDeadline === undefined) return;
  patchStep(tx, stepId, { claimLapsed: true });
  const own = state.assignee?.department;
  const when = formatInstant(state.claimDeadline.at, tx.state.input.calendar.timezone);
  const message = `${stepTitle(step)}: not claimed (签收) by its claim limit ${when}`;
  record(tx, 'claim-overdue', message, { stepId, ...(own !== undefined ? { department: own } : {}) });
  notify(tx, 'overdue', message, { stepId, ...(own !== undefined ? { department: own } : {}) });
}

/** The words of a rung's timeline event and notification, by the limit it is timed from. */
const WORDS = {
  deadline: {
    reminded: (title: string, at: string) => `${title}: deadline ${at} away`,
    remindNote: (title: string) => `Reminder: ${title} is due soon`,
    urged: (title: string, at: string) => `${title}: 催办 at ${at} from the deadline`,
    urgeNote: (title: string) => `催办: ${title} has reached its deadline`,
    late: (title: string, at: string) => `${title} is overdue (${at} past the deadline)`,
    emergency: (title: string) => `${title} overdue`,
  },
  claim: {
    reminded: (title: string, at: string) => `${title}: claim limit (签收) ${at} away`,
    remindNote: (title: string) => `Reminder: claim (签收) ${title} soon`,
    urged: (title: string, at: string) => `${title}: 催办 at ${at} from the claim limit (not claimed)`,
    urgeNote: (title: string) => `催办: ${title} has not been claimed (签收)`,
    late: (title: string, at: string) => `${title} is unclaimed (${at} past the claim limit)`,
    emergency: (title: string) => `${title} unclaimed`,
  },
} as const;

/** One escalation rung: 提醒, 催办, escalation to the `to` department, or an emergency at its level. */
function fireRung(tx: Tx, stepId: string, index: number, ladder: Ladder): void {
  const state = stepState(tx, stepId);
  const step = findStep(tx.state.input.flow, stepId) as TaskStep | undefined;
  const rung = ladder === 'claim' ? step?.claimEscalation?.[index] : step?.escalation[index];
  if (step === undefined || rung === undefined) return;
  const fire = (rungs: readonly RungState[]) =>
    rungs.map((r, i) => (i === index ? { ...r, fired: true } : r));
  patchStep(
    tx,
    stepId,
    ladder === 'claim' ? { claimRungs: fire(state.claimRungs ?? []) } : { rungs: fire(state.rungs) },
  );
  const words = WORDS[ladder];
  const title = stepTitle(step);
  const own = state.assignee?.department;
  const target = { stepId, ...(own !== undefined ? { department: own } : {}) };
  switch (rung.do) {
    case 'remind':
      record(tx, 'reminded', words.reminded(title, rung.at.text), { stepId });
      return notify(tx, 'remind', words.remindNote(title), target);
    case 'urge':
      record(tx, 'urged', words.urged(title, rung.at.text), { stepId, actor: ENGINE_ACTOR });
      return notify(tx, 'urge', words.urgeNote(title), target);
    case 'escalate': {
      const to = rung.to !== undefined ? tx.state.input.assignees[assigneeKey(rung.to)] : undefined;
      const message = `${words.late(title, rung.at.text)} at ${own ?? 'no department'}`;
      record(tx, 'escalated', `${message}; escalated to ${to?.department ?? 'supervision'}`, { stepId });
      return notify(tx, 'escalate', message, { stepId, ...(to ? { department: to.department } : {}) });
    }
    case 'emergency': {
      const level = rung.level ?? 4;
      const current = tx.state.emergency.level;
      record(tx, 'escalated', `${title}: escalation rung opens an emergency ${levelName(level)}`, { stepId });
      if (current === 0 || level < current)
        setEmergencyLevel(tx, level, words.emergency(title), ENGINE_ACTOR);
      return;
    }
  }
}
