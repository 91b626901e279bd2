/**
 * The calendar publication workflow's input and Query (docs/calendar-revisions.md): the API starts it and reads
 * its progress; the Update each case receives is `reviseCalendarUpdate` in messages.ts.
 */
import { defineQuery } from '@temporalio/workflow';
import type { CarriedBatch } from './engine/batch/case-batch';
import type {
  CalendarPublicationProgress,
  CalendarPublicationRequest,
  CaseRevisionOutcome,
} from './engine/calendar-revision/calendar-publication';

/** A publication's start, or its continuation (continue-as-new) with what it has done so far. */
export interface CalendarPublicationInput {
  readonly request: CalendarPublicationRequest;
  readonly carried?: CarriedBatch<CaseRevisionOutcome>;
  readonly options?: {
    /** Cases per run before continuing as new (default 200; tests lower it). */
    readonly casesPerRun?: number;
  };
}

export const calendarPublicationProgressQuery = defineQuery<CalendarPublicationProgress>(
  'calendarPublicationProgress',
);
