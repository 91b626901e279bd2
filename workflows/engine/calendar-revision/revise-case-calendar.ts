/**
 * A published calendar revision applied to a running case (docs/calendars.md): the case continues on its pinned
 * days up to today and the revision's days from tomorrow on; deadlines, escalation rungs and working-time waits
 * still ahead are recomputed and explained again; passed ones stay, explained too; a `calendar-revised` entry on
 * the timeline says who published which revision and which deadlines moved. Everything else the case pinned stays.
 */
import type { WorkingCalendar } from '../calendar-model';
import type { CaseState, Deadline, RungState, StepState } from '../case/case-state';
import type { Transition } from '../case/commands';
import type { RevisionFacts } from '../case/deadline-account';
import { withMove } from '../case/deadline-account';
import { caseSla, deadlineFrom, describeMillis, rungsFor, stepClockStart, stepSla } from '../case/deadlines';
import { allSteps } from '../case/flow-graph';
import { begin, finish, patchCase, record } from '../case/tx';
import type { SlaSpec, Step } from '../flow-model';
import { addWorkingMillis, workingMillisBetween } from '../time';
import { describeLocal } from '../time/instants';
import { CalendarRevisionNotApplicableError, CalendarRevisionRefusedError } from './calendar-revision-errors';
import type { CalendarRevision, CalendarRevisionReport, RevisedDeadline } from './calendar-revision-model';
import { calendarIdentityChanges, firstRevisedDate, revisedCalendar } from './revised-calendar';

/** The revision a case's pinned calendar is: 0 for a calendar file never published. */
export function calendarRevisionOf(calendar: WorkingCalendar): number {
  return calendar.revision ?? 0;
}

/**
 * Throws CalendarRevisionNotApplicableError when the revision is not for this case (closed, another calendar,
 * not newer than the one it runs on), CalendarRevisionRefusedError when it changes more than days.
 */
export function checkCalendarRevision(state: CaseState, revision: CalendarRevision): void {
  const pinned = state.input.calendar;
  const published = revision.calendar;
  if (state.status === 'closed' || state.status === 'cancelled') {
    throw new CalendarRevisionNotApplicableError(`the case is ${state.status}`);
  }
  if (pinned.name !== published.name) {
    throw new CalendarRevisionNotApplicableError(`the case runs on calendar '${pinned.name}'`);
  }
  if (calendarRevisionOf(pinned) >= published.revision) {
    throw new CalendarRevisionNotApplicableError(
      `the case runs on revision ${calendarRevisionOf(pinned)} of '${pinned.name}' already`,
    );
  }
  const changes = calendarIdentityChanges(pinned, published);
  if (changes.length > 0) {
    throw new CalendarRevisionRefusedError(changes.map((c) => `${c.path}: ${c.message}`).join('; '));
  }
}

/** Context of one application: the calendars before and after, the instant, and the words that name it. */
interface Revising {
  readonly pinned: WorkingCalendar;
  readonly calendar: WorkingCalendar;
  readonly now: number;
  /** `cn-mainland revision 2 (published Fri 2026-12-04 10:00 by admin-li)`. */
  readonly source: string;
  /** The same, as facts for the explanation in other languages. */
  readonly on: RevisionFacts;
}

/** Applies the revision (checked first); answers the transition and what it did to each deadline. */
export function reviseCaseCalendar(
  state: CaseState,
  revision: CalendarRevision,
  now: number,
): { readonly transition: Transition; readonly report: CalendarRevisionReport } {
  checkCalendarRevision(state, revision);
  const pinned = state.input.calendar;
  const zone = pinned.timezone;
  const effectiveFrom = firstRevisedDate(now, zone);
  const calendar = revisedCalendar(pinned, revision.calendar, effectiveFrom);
  const published = `(published ${describeLocal(revision.publishedAt, zone)} by ${revision.publishedBy.sub})`;
  const source = `${calendar.name} revision ${revision.calendar.revision} ${published}`;
  const on: RevisionFacts = {
    revision: revision.calendar.revision,
    publishedAt: revision.publishedAt,
    publishedBy: revision.publishedBy.sub,
  };
  const ctx: Revising = { pinned, calendar, now, source, on };
  const after: CaseState = { ...state, input: { ...state.input, calendar } };
  const deadlines: RevisedDeadline[] = [];
  const note = (of: string, from: Deadline, to: Deadline): Deadline => {
    deadlines.push({ of, decision: decisionOf(from, to, now), from: from.at, to: to.at });
    return to;
  };

  const steps: Record<string, StepState> = { ...state.steps };
  for (const step of allSteps(state.input.flow)) {
    const current = state.steps[step.id];
    if (current === undefined || (current.status !== 'active' && current.status !== 'claimed')) continue;
    const sla = stepSla(state, step);
    const start = stepClockStart(step, sla, current);
    const deadline =
      current.deadline === undefined
        ? undefined
        : note(step.id, current.deadline, reviseDeadline(ctx, current.deadline, sla, start));
    const waitUntil = reviseWait(ctx, step, current);
    if (waitUntil !== undefined && current.waitUntil !== undefined) {
      deadlines.push({
        of: step.id,
        decision: decisionOf({ at: current.waitUntil }, { at: waitUntil }, now),
        from: current.waitUntil,
        to: waitUntil,
      });
    }
    steps[step.id] = {
      ...current,
      ...(deadline === undefined
        ? {}
        : { deadline, rungs: reviseRungs(after, step, current, deadline, now) }),
      ...(waitUntil === undefined ? {} : { waitUntil }),
    };
  }
  const caseDeadline =
    state.caseDeadline === undefined
      ? undefined
      : note(
          'case',
          state.caseDeadline,
          reviseDeadline(ctx, state.caseDeadline, caseSla(state), state.createdAt),
        );
  const review = state.review;
  const feedback = state.input.flow.review?.feedback;
  const reviewSla: SlaSpec | undefined = feedback && { ...feedback, starts: 'activated' };
  const window =
    review?.status !== 'open'
      ? undefined
      : note('review', review.window, reviseDeadline(ctx, review.window, reviewSla, review.openedAt));

  const tx = begin(after, now);
  patchCase(tx, {
    steps,
    ...(caseDeadline === undefined ? {} : { caseDeadline }),
    ...(review === undefined || window === undefined ? {} : { review: { ...review, window } }),
  });
  const report: CalendarRevisionReport = {
    caseId: state.input.caseId,
    calendar: calendar.name,
    fromRevision: calendarRevisionOf(pinned),
    toRevision: revision.calendar.revision,
    effectiveFrom,
    deadlines,
  };
  const head = `${calendar.name} revision ${report.fromRevision} → ${report.toRevision} ${published}, its days from ${effectiveFrom}`;
  record(tx, 'calendar-revised', describeRevision(head, deadlines, zone), { actor: revision.publishedBy });
  return { transition: finish(tx), report };
}

function decisionOf(from: { at: number }, to: { at: number }, now: number): RevisedDeadline['decision'] {
  if (from.at <= now) return 'passed';
  return from.at === to.at ? 'unchanged' : 'moved';
}

/**
 * A deadline on the revised days. Passed, or on the calendar clock (days do not matter to it): kept. Still as its
 * time limit set it: computed again from its start, explained afresh. Moved since (extension, suspension, 改派):
 * the working time still ahead of it is counted on the new days. Either way the explanation names the revision.
 */
function reviseDeadline(
  ctx: Revising,
  current: Deadline,
  sla: SlaSpec | undefined,
  start: number | undefined,
): Deadline {
  const { pinned, calendar, now, source, on } = ctx;
  const zone = calendar.timezone;
  if (current.clock === 'calendar') return current;
  if (current.at <= now) {
    const kept = { ...current, explanation: `${current.explanation}; kept on ${source}: it had passed` };
    return withMove(kept, { kind: 'calendarPassed', on });
  }
  const unchanged = () =>
    withMove(
      { ...current, explanation: `${current.explanation}; unchanged on ${source}` },
      { kind: 'calendarUnchanged', on },
    );
  const asSet =
    sla !== undefined && start !== undefined && deadlineFrom(pinned, sla, start).at === current.at;
  if (asSet) {
    const fresh = deadlineFrom(calendar, sla, start, current.account !== undefined);
    if (fresh.at === current.at) return unchanged();
    const was = describeLocal(current.at, zone);
    const recomputed = {
      ...fresh,
      explanation: `${fresh.explanation} (recomputed on ${source}; was ${was})`,
    };
    return withMove(recomputed, { kind: 'calendarRecomputed', on, was: current.at });
  }
  const ahead = workingMillisBetween(pinned, now, current.at);
  const at = addWorkingMillis(calendar, now, ahead);
  if (at === current.at) return unchanged();
  const counted = `the ${describeMillis(ahead)} of working time still ahead at ${describeLocal(now, zone)} counted on its days`;
  const recounted = {
    ...current,
    at,
    explanation: `${current.explanation}; on ${source}: ${counted} → ${describeLocal(at, zone)}`,
  };
  return withMove(recounted, { kind: 'calendarRecounted', on, ahead, now, at });
}

/**
 * A running wait for a working-clock duration: the working time still ahead of its timer counted on the new days
 * (a wait `until` an instant stays).
 */
function reviseWait(ctx: Revising, step: Step, current: StepState): number | undefined {
  if (step.kind !== 'wait' || step.for === undefined || step.clock !== 'working') return undefined;
  if (current.waitUntil === undefined) return undefined;
  if (current.waitUntil <= ctx.now) return undefined;
  return addWorkingMillis(
    ctx.calendar,
    ctx.now,
    workingMillisBetween(ctx.pinned, ctx.now, current.waitUntil),
  );
}

/**
 * A task's escalation rungs timed from its (revised) deadline on the new days; a rung that has fired stays as it
 * was, and one the new days put in the past counts as fired (a revision does not send late escalations).
 */
function reviseRungs(
  after: CaseState,
  step: Step,
  current: StepState,
  deadline: Deadline,
  now: number,
): RungState[] {
  return rungsFor(after, step, deadline, now).map((rung, index) => {
    const before = current.rungs[index];
    return before?.fired === true ? before : { at: rung.at, fired: rung.at <= now };
  });
}

/** `cn-mainland revision 0 → 2 (published … by …), its days from 2027-01-01: handle due … → …; verify kept …`. */
function describeRevision(head: string, deadlines: readonly RevisedDeadline[], zone: string): string {
  const name = (of: string) => (of === 'case' ? 'the case' : of === 'review' ? 'the feedback window' : of);
  const parts = deadlines.map(({ of, decision, from, to }) => {
    if (decision === 'moved')
      return `${name(of)} due ${describeLocal(from, zone)} → ${describeLocal(to, zone)}`;
    if (decision === 'passed') return `${name(of)} kept (passed ${describeLocal(from, zone)})`;
    return `${name(of)} unchanged (${describeLocal(from, zone)})`;
  });
  return parts.length === 0 ? `${head}: no deadline ahead` : `${head}: ${parts.join('; ')}`;
}
