/**
 * The clocks of a migrated case. A deadline is kept while the target sets the same time limit on the same
 * calendar; otherwise it is recomputed from the instant its clock started (activation, or 签收 for
 * `starts: claimed`) on the target's limit and calendar, unless an extension, a suspension or a 改派 had moved it
 * (recomputing would undo that: it is kept, and the plan says so). Escalation rungs follow the deadline; a rung
 * whose instant has already passed is not fired late.
 */
import type { WorkingCalendar } from '../calendar-model';
import { bindingsOf, tryInstant } from '../case/bindings';
import type { CaseState, Deadline, RungState, StepState } from '../case/case-state';
import { caseSla, deadlineFrom, keepsFacts, rungsFor, stepClockStart, stepSla } from '../case/deadlines';
import type { SlaSpec, Step, WaitStep } from '../flow-model';
import { formatInstant, instantAfter } from '../time';
import type { DeadlineDecision } from './migration-model';

/** A deadline after the migration, with the decision and the words the plan shows. */
export interface MovedDeadline {
  readonly deadline?: Deadline;
  readonly decision: DeadlineDecision;
  readonly explanation: string;
}

/** The case on its current version (`before`) and on the target's input and data (`after`), at `now`. */
export interface ClockContext {
  readonly before: CaseState;
  readonly after: CaseState;
  readonly now: number;
}

interface Clock {
  readonly sla?: SlaSpec;
  readonly start?: number;
  readonly calendar: WorkingCalendar;
}

const sameSla = (a: SlaSpec | undefined, b: SlaSpec | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.within.days === b.within.days &&
      a.within.millis === b.within.millis &&
      a.within.negative === b.within.negative &&
      a.clock === b.clock &&
      a.starts === b.starts;

/** The deadline rule shared by steps and the whole case; undefined when neither version has a clock here. */
function moveDeadline(
  ctx: ClockContext,
  current: Deadline | undefined,
  old: Clock,
  next: Clock,
): MovedDeadline | undefined {
  const version = ctx.after.input.flow.version;
  if (old.sla === undefined && next.sla === undefined && current === undefined) return undefined;
  if (sameSla(old.sla, next.sla) && old.calendar.name === next.calendar.name) {
    return current === undefined
      ? { decision: 'kept', explanation: 'no deadline yet: its clock starts at 签收, as before' }
      : { deadline: current, decision: 'kept', explanation: `kept: version ${version} sets the same limit` };
  }
  if (next.sla === undefined) {
    return { decision: 'removed', explanation: `removed: version ${version} sets no time limit here` };
  }
  const expected =
    old.sla === undefined || old.start === undefined
      ? undefined
      : deadlineFrom(old.calendar, old.sla, old.start).at;
  if (current !== undefined && expected !== current.at) {
    return {
      deadline: current,
      decision: 'kept',
      explanation: `kept: an extension, a suspension or 改派 had moved it, which recomputing on version ${version}'s ${next.sla.within.text} would undo`,
    };
  }
  if (next.start === undefined) {
    return {
      decision: 'at-claim',
      explanation: `none until 签收: version ${version} starts the clock when the step is claimed`,
    };
  }
  const computed = deadlineFrom(next.calendar, next.sla, next.start, keepsFacts(ctx.after));
  const zone = next.calendar.timezone;
  const explanation = `recomputed for version ${version} (${next.sla.within.text}, ${next.sla.clock} time, from ${formatInstant(next.start, zone)}): ${computed.explanation}`;
  const account = computed.account && { ...computed.account, recomputedForVersion: version };
  const deadline = { ...computed, explanation, ...(account !== undefined ? { account } : {}) };
  return { deadline, decision: 'recomputed', explanation };
}

/** The deadline of a running step moving from `from` to `to`. */
export function moveStepDeadline(
  ctx: ClockContext,
  current: StepState,
  from: Step,
  to: Step,
): MovedDeadline | undefined {
  const oldSla = stepSla(ctx.before, from);
  const newSla = stepSla(ctx.after, to);
  return moveDeadline(
    ctx,
    current.deadline,
    { sla: oldSla, start: stepClockStart(from, oldSla, current), calendar: ctx.before.input.calendar },
    { sla: newSla, start: stepClockStart(to, newSla, current), calendar: ctx.after.input.calendar },
  );
}

/** The whole-case deadline, measured from the case's creation. */
export function moveCaseDeadline(ctx: ClockContext): MovedDeadline | undefined {
  const start = ctx.before.createdAt;
  return moveDeadline(
    ctx,
    ctx.before.caseDeadline,
    { sla: caseSla(ctx.before), start, calendar: ctx.before.input.calendar },
    { sla: caseSla(ctx.after), start, calendar: ctx.after.input.calendar },
  );
}

/**
 * The escalation rungs of a moved task: unchanged while its deadline and escalation are; otherwise timed from the
 * deadline on the target's rungs, those already past counted as fired (a migration does not fire them late).
 */
export function moveRungs(
  ctx: ClockContext,
  current: StepState,
  from: Step,
  to: Step,
  deadline: Deadline | undefined,
): RungState[] {
  if (deadline === undefined) return [];
  const sameEscalation =
    from.kind === 'task' &&
    to.kind === 'task' &&
    JSON.stringify(from.escalation) === JSON.stringify(to.escalation);
  if (deadline === current.deadline && sameEscalation) return [...current.rungs];
  return rungsFor(ctx.after, to, deadline, ctx.now, current.rungs).map((rung) =>
    rung.at <= ctx.now ? { ...rung, fired: true } : rung,
  );
}

/** A running wait step's timer on the target's definition: an instant, or why it cannot be computed. */
export function moveWait(
  after: CaseState,
  current: StepState,
  from: WaitStep,
  to: WaitStep,
): { readonly waitUntil?: number; readonly explanation: string } | { readonly error: string } {
  const version = after.input.flow.version;
  const same =
    JSON.stringify([from.for, from.until, from.clock]) === JSON.stringify([to.for, to.until, to.clock]);
  if (current.waitUntil === undefined) {
    return { explanation: `its wait has an incident: a retry starts version ${version}'s wait` };
  }
  if (same) return { waitUntil: current.waitUntil, explanation: 'its timer is kept' };
  const start = current.activatedAt ?? after.createdAt;
  const zone = after.input.calendar.timezone;
  if (to.for !== undefined) {
    const until = instantAfter(after.input.calendar, start, to.for, to.clock);
    const text = `${to.for.text} (${to.clock} time) from ${formatInstant(start, zone)}`;
    return { waitUntil: until, explanation: `its timer is recomputed for version ${version}: ${text}` };
  }
  const evaluated = tryInstant(to.until ?? 'null', bindingsOf(after));
  if (!evaluated.ok) return { error: `version ${version}'s 'until' cannot be evaluated: ${evaluated.error}` };
  return {
    waitUntil: evaluated.value,
    explanation: `its timer is recomputed for version ${version}: until ${formatInstant(evaluated.value, zone)}`,
  };
}
