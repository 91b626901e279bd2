/**
 * A calendar publication (docs/calendar-revisions.md): a published revision sent to every running case whose
 * flow names the calendar, one Update per case, each case's outcome recorded. Pure: the calendar publication
 * workflow runs it.
 */
import { batchStatus, countOutcomes, type SelectedCase } from '../batch/case-batch';
import type { CalendarRevision } from './calendar-revision-model';

export interface CalendarPublicationRequest {
  readonly revision: CalendarRevision;
  /** Flows with a version on this calendar: the cases selected are theirs (each case checks its own calendar). */
  readonly flowIds: readonly string[];
}

/**
 * What became of one case: `revised` (with how many deadlines moved), `skipped` (another calendar, a revision
 * as new already, closed), `refused` (its calendar differs beyond days), `failed` (it could not be reached).
 */
export type CaseRevisionOutcome =
  | { readonly caseId: string; readonly outcome: 'revised'; readonly moved: number }
  | { readonly caseId: string; readonly outcome: 'skipped' | 'refused' | 'failed'; readonly reason: string };

export type RevisionOutcomeKind = CaseRevisionOutcome['outcome'];

const KINDS: readonly RevisionOutcomeKind[] = ['revised', 'skipped', 'refused', 'failed'];

/** A publication's progress, as its Query and `GET /v1/calendars/{calendar}/revisions/{revision}` answer it. */
export interface CalendarPublicationProgress {
  readonly calendar: string;
  readonly revision: number;
  readonly publishedBy: string;
  /** RFC 3339 (UTC). */
  readonly publishedAt: string;
  readonly status: 'selecting' | 'revising' | 'completed';
  readonly selected: number;
  readonly done: number;
  readonly counts: Readonly<Record<RevisionOutcomeKind, number>>;
  /** Each case's outcome, in the order the cases were revised. */
  readonly cases: readonly CaseRevisionOutcome[];
}

/** Workflow id of the publication of `revision` of `calendar`: one batch per revision. */
export function calendarPublicationId(calendar: string, revision: number): string {
  return `calendar-publication-${calendar}-${revision}`;
}

/** The progress of `request` with `selected` cases (undefined while selecting) and the outcomes so far. */
export function publicationProgress(
  request: CalendarPublicationRequest,
  selected: readonly SelectedCase[] | undefined,
  outcomes: readonly CaseRevisionOutcome[],
): CalendarPublicationProgress {
  const { revision } = request;
  return {
    calendar: revision.calendar.name,
    revision: revision.calendar.revision,
    publishedBy: revision.publishedBy.sub,
    publishedAt: new Date(revision.publishedAt).toISOString(),
    status: batchStatus(selected, outcomes.length, 'revising'),
    selected: selected?.length ?? 0,
    done: outcomes.length,
    counts: countOutcomes(outcomes, KINDS),
    cases: outcomes,
  };
}
