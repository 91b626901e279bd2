/**
 * The case workflow's messages: one Update per department or supervisor action (each with a validator in the
 * workflow), and Queries for the case view and timeline. The only workflow file the API loads.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseAction, CaseActionType } from './engine/case/case-actions';
import type { CaseInput } from './engine/case-input';
import type { CaseView, TimelineEntry } from './engine/case/case-view';

/** An action's payload: the action without its `type`, which the Update's name carries. */
export type ActionPayload<K extends CaseActionType> = Omit<Extract<CaseAction, { type: K }>, 'type'>;

function actionUpdate<K extends CaseActionType>(type: K) {
  return defineUpdate<CaseView, [ActionPayload<K>]>(type);
}

/** Update per action, named by the action type; each answers with the case view after the action. */
export const CASE_ACTION_UPDATES = {
  claim: actionUpdate('claim'),
  complete: actionUpdate('complete'),
  return: actionUpdate('return'),
  requestExtension: actionUpdate('requestExtension'),
  decideExtension: actionUpdate('decideExtension'),
  requestPark: actionUpdate('requestPark'),
  decidePark: actionUpdate('decidePark'),
  urge: actionUpdate('urge'),
  reassign: actionUpdate('reassign'),
  setEmergency: actionUpdate('setEmergency'),
  suspend: actionUpdate('suspend'),
  resume: actionUpdate('resume'),
  cancel: actionUpdate('cancel'),
  feedback: actionUpdate('feedback'),
  retry: actionUpdate('retry'),
  updateData: actionUpdate('updateData'),
} as const satisfies { [K in CaseActionType]: ReturnType<typeof actionUpdate<K>> };

export const caseViewQuery = defineQuery<CaseView>('caseView');
export const caseTimelineQuery = defineQuery<TimelineEntry[]>('caseTimeline');

/** How a case workflow starts: fresh from intake, or continued from an earlier run. */
export type CaseWorkflowInput =
  | { readonly kind: 'start'; readonly case: CaseInput; readonly options?: CaseWorkflowOptions }
  | {
      readonly kind: 'continued';
      readonly state: unknown;
      /** Update ids already applied, so that a repeat after continue-as-new changes nothing. */
      readonly appliedUpdateIds: readonly string[];
      readonly options?: CaseWorkflowOptions;
    };

export interface CaseWorkflowOptions {
  /** Continue-as-new after this many history events even before Temporal suggests it (tests lower it). */
  readonly historyEventLimit?: number;
}

/** Workflow id of a case: business key, so a second start with the same caseId is detected by Temporal. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
