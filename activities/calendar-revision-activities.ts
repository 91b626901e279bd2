/**
 * Activities of a calendar publication (docs/calendar-revisions.md): list the running cases of the flows that
 * name the calendar, and send one case the published revision through its `reviseCalendar` Update. A case's own
 * answer (revised, not concerned, refused) is an outcome; only a failure to reach Temporal is thrown.
 */
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { SelectedCase } from '../workflows/engine/batch/case-batch';
import type { CaseRevisionOutcome } from '../workflows/engine/calendar-revision/calendar-publication';
import type { CalendarRevision } from '../workflows/engine/calendar-revision/calendar-revision-model';
import { caseWorkflowId, reviseCalendarUpdate } from '../workflows/messages';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../workflows/search-attributes';
import { callCase, listCases, plainCode, runningCasesOn } from './migration-activities';

/** The running cases of these flows on the case worker's task queue. */
export interface FlowsSelection {
  readonly flowIds: readonly string[];
  readonly taskQueue: string;
}

/** One case to send the revision to, with the Update id that makes a retry apply once. */
export interface CaseRevisionCall {
  readonly caseId: string;
  readonly revision: CalendarRevision;
  readonly updateId: string;
}

export interface CalendarRevisionActivities {
  selectCasesOfFlows(selection: FlowsSelection): Promise<SelectedCase[]>;
  reviseOneCase(call: CaseRevisionCall): Promise<CaseRevisionOutcome>;
}

/** The visibility query of the running cases of `flowIds` (plain codes only, so none can change its shape). */
export function flowsSelectionQuery({ flowIds, taskQueue }: FlowsSelection): string {
  const flows = flowIds.map((flowId) => `'${plainCode(flowId)}'`).join(', ');
  return [...runningCasesOn(taskQueue), `${SA.flowId.name} IN (${flows})`].join(' AND ');
}

/** The activities over the injected (or the worker's) client. */
export function createCalendarRevisionActivities(
  deps: { readonly client?: () => Client } = {},
): CalendarRevisionActivities {
  const clientOf = deps.client ?? (() => Context.current().client);
  return {
    selectCasesOfFlows: async (selection) =>
      selection.flowIds.length === 0 ? [] : listCases(clientOf(), flowsSelectionQuery(selection)),

    reviseOneCase({ caseId, revision, updateId }) {
      const handle = clientOf().workflow.getHandle(caseWorkflowId(caseId));
      return callCase<CaseRevisionOutcome>(
        caseId,
        async () => {
          const report = await handle.executeUpdate(reviseCalendarUpdate, { args: [revision], updateId });
          const moved = report.deadlines.filter((deadline) => deadline.decision === 'moved').length;
          return { caseId, outcome: 'revised', moved };
        },
        (failure) => {
          const outcome =
            failure.type === 'CalendarRevisionNotApplicableError' || failure.type === 'CaseClosedError'
              ? 'skipped'
              : failure.type === 'CalendarRevisionRefusedError'
                ? 'refused'
                : 'failed';
          return { caseId, outcome, reason: failure.message };
        },
      );
    },
  };
}
