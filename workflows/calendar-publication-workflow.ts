/**
 * A published calendar revision reaching running cases, as a durable workflow (docs/calendar-revisions.md):
 * selects once the running cases of the flows that name the calendar, then sends each the revision through its
 * own `reviseCalendar` Update (case-batch.ts, as a flow migration does), and records each case's outcome. A case
 * on another calendar, or on this revision already, answers without any change to its history.
 */
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CalendarRevisionActivities } from '../activities/calendar-revision-activities';
import {
  publicationProgress,
  type CalendarPublicationProgress,
  type CaseRevisionOutcome,
} from './engine/calendar-revision/calendar-publication';
import { batchCursor, runCaseBatch } from './case-batch';
import {
  calendarPublicationProgressQuery,
  type CalendarPublicationInput,
} from './calendar-publication-messages';

const { selectCasesOfFlows } = proxyActivities<CalendarRevisionActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 10 },
});
const { reviseOneCase } = proxyActivities<CalendarRevisionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/** Sends one published revision to every running case it concerns; returns the final progress. */
export async function calendarPublicationWorkflow(
  input: CalendarPublicationInput,
): Promise<CalendarPublicationProgress> {
  const { request } = input;
  const { revision } = request;
  const cursor = batchCursor(input.carried);
  setHandler(calendarPublicationProgressQuery, () =>
    publicationProgress(request, cursor.selected, cursor.outcomes),
  );
  await runCaseBatch<CaseRevisionOutcome>(cursor, {
    select: () => selectCasesOfFlows({ flowIds: request.flowIds, taskQueue: workflowInfo().taskQueue }),
    each: ({ caseId }) =>
      reviseOneCase({
        caseId,
        revision,
        updateId: `calendar:${revision.calendar.name}:${revision.calendar.revision}:${caseId}`,
      }),
    failed: (caseId, reason) => ({ caseId, outcome: 'failed', reason }),
    continueAsNew: (carried) => continueAsNew<typeof calendarPublicationWorkflow>({ ...input, carried }),
    ...(input.options?.casesPerRun !== undefined ? { casesPerRun: input.options.casesPerRun } : {}),
  });
  return publicationProgress(request, cursor.selected, cursor.outcomes);
}
