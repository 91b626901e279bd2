/** Deadlines and escalation instants from the pinned calendar, and how they move (extension, suspension). */
import type { WorkingCalendar } from '../calendar-model';
import type { Clock, EscalationRung, SlaSpec, Step } from '../flow-model';
import { addDuration, addWorkingMillis, formatInstant, instantAfter, workingMillisBetween } from '../time';
import type { CaseState, Deadline, RungState, StepState } from './case-state';
import { withMove } from './deadline-account';
import { behaves } from './engine-revision';

/** The step's SLA: the case profile's override, else the step's own (task and service steps only). */
export function stepSla(state: CaseState, step: Step): SlaSpec | undefined {
  if (step.kind !== 'task' && step.kind !== 'service') return undefined;
  const profile =
    state.input.profile !== undefined ? state.input.flow.profiles[state.input.profile] : undefined;
  return profile?.sla[step.id] ?? step.sla;
}

/** When a step's clock started under `sla`: at 签收 for `starts: claimed` tasks, else at activation. */
export function stepClockStart(step: Step, sla: SlaSpec | undefined, current: StepState): number | undefined {
  return sla?.starts === 'claimed' && step.kind === 'task' ? current.claimedAt : current.activatedAt;
}

/** The whole-case SLA: the profile's `caseSla`, else the flow's `sla`. */
export function caseSla(state: Pick<CaseState, 'input'>): SlaSpec | undefined {
  const { flow, profile } = state.input;
  return (profile !== undefined ? flow.profiles[profile]?.caseSla : undefined) ?? flow.sla;
}

/**
 * `start` plus the SLA's duration on its clock, explained; with `keepFacts` (a deadline a case of engine revision 9
 * or later keeps: `keepsFacts(state)`), also the facts of its count, for the explanation in other languages.
 */
export function deadlineFrom(
  calendar: WorkingCalendar,
  sla: SlaSpec,
  start: number,
  keepFacts = false,
): Deadline {
  const computed = addDuration(calendar, start, sla.within, sla.clock);
  const deadline = {
    at: computed.at,
    clock: sla.clock,
    explanation: computed.explanation,
    ...(keepFacts ? { account: { count: computed.facts } } : {}),
  };
  return computed.provisional === undefined ? deadline : { ...deadline, provisional: computed.provisional };
}

/** Whether the case keeps the facts of the deadlines it sets (engine revision 9, `deadlinesKeepFacts`). */
export function keepsFacts(state: CaseState): boolean {
  return behaves(state, 'deadlinesKeepFacts');
}

/** When each of a task's rungs fires relative to `deadline`; rungs already fired stay fired if still past. */
export function rungsFor(
  state: CaseState,
  step: Step,
  deadline: Deadline,
  now: number,
  previous: readonly RungState[] = [],
): RungState[] {
  if (step.kind !== 'task') return [];
  return timeRungs(state, step.escalation, deadline, now, previous);
}

/** When each of `rungs` fires relative to `deadline`, on its clock; rungs already fired stay fired if still past. */
export function timeRungs(
  state: CaseState,
  rungs: readonly EscalationRung[],
  deadline: Deadline,
  now: number,
  previous: readonly RungState[] = [],
): RungState[] {
  return rungs.map((rung, index) => {
    const at = instantAfter(state.input.calendar, deadline.at, rung.at, deadline.clock);
    return { at, fired: (previous[index]?.fired ?? false) && at <= now };
  });
}

/** An instant moved later by the time a suspension lasted, counted on `clock`. */
export function shiftBySuspension(
  calendar: WorkingCalendar,
  at: number,
  clock: Clock,
  since: number,
  until: number,
): number {
  if (clock === 'calendar') return at + (until - since);
  return addWorkingMillis(calendar, at, workingMillisBetween(calendar, since, until));
}

/** A deadline moved by a suspension, with the move added to its explanation. */
export function shiftDeadline(
  calendar: WorkingCalendar,
  deadline: Deadline,
  since: number,
  until: number,
): Deadline {
  const at = shiftBySuspension(calendar, deadline.at, deadline.clock, since, until);
  const zone = calendar.timezone;
  const added = at === deadline.at ? 0 : movedMillis(calendar, deadline, since, until);
  const moved = `; suspended ${formatInstant(since, zone)} to ${formatInstant(until, zone)}, ${describeMillis(
    added,
  )} of ${deadline.clock} time added → ${formatInstant(at, zone)}`;
  const explained = { ...deadline, at, explanation: deadline.explanation + moved };
  return withMove(explained, { kind: 'suspended', since, until, added, at });
}

function movedMillis(calendar: WorkingCalendar, deadline: Deadline, since: number, until: number): number {
  return deadline.clock === 'calendar' ? until - since : workingMillisBetween(calendar, since, until);
}

/** `2h 30m` style, for explanations. */
export function describeMillis(millis: number): string {
  const minutes = Math.round(millis / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
