/**
 * A published revision of a working calendar as it reaches a running case (docs/calendars.md, "Publishing the
 * yearly arrangement"), and what applying it did to the case's deadlines.
 */
import type { WorkingCalendar } from '../calendar-model';
import type { Actor } from '../case-input';

/** The Update's payload: the revision as published (its `revision` set), who published it and when. */
export interface CalendarRevision {
  readonly calendar: WorkingCalendar & { readonly revision: number };
  readonly publishedBy: Actor;
  /** Epoch ms. */
  readonly publishedAt: number;
}

/**
 * What became of one deadline (`of`: a step id, `case` for the whole-case deadline, `review` for the feedback
 * window): `moved` to `to`, `unchanged` (the new days do not change it), `passed` (already past: kept).
 */
export interface RevisedDeadline {
  readonly of: string;
  readonly decision: 'moved' | 'unchanged' | 'passed';
  /** Epoch ms, before. */
  readonly from: number;
  /** Epoch ms, after (equal to `from` unless moved). */
  readonly to: number;
}

/** What applying a revision did to a case: the revision it now runs on, and each deadline's decision. */
export interface CalendarRevisionReport {
  readonly caseId: string;
  readonly calendar: string;
  /** The revision the case ran on before (0: the calendar file as loaded, never published). */
  readonly fromRevision: number;
  readonly toRevision: number;
  /** The first local date whose days come from the new revision. */
  readonly effectiveFrom: string;
  readonly deadlines: readonly RevisedDeadline[];
}
