/**
 * The case workflow's messages: one Update per department or supervisor action (each with a validator in the
 * workflow), and Queries for the case view and timeline. The only workflow file the API loads.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseAction, CaseActionType } from './engine/case/case-actions';
import type { CaseInput } from './engine/case-input';
import type { CaseView, TimelineEntry } from './engine/case/case-view';
import type { MigrationPlan } from './engine/migration/migration-model';
import type { LedgerBatch } from './engine/case/ledger-snapshot';
import type {
  CalendarRevision,
  CalendarRevisionReport,
} from './engine/calendar-revision/calendar-revision-model';

/** The engine's action of one type. */
export type ActionOf<K extends CaseActionType> = Extract<CaseAction, { type: K }>;

/** An action's payload: the action without its `type`, which the Update's name carries. */
export type ActionPayload<K extends CaseActionType> = Omit<ActionOf<K>, 'type'>;

/**
 * What an action's Update answers: the case view after it; a migration answers its plan instead (designers may
 * migrate cases they may not see, so they get no case data back).
 */
export type ActionResult<K extends CaseActionType> = K extends 'migrate' ? MigrationPlan : CaseView;

/**
 * Sent with an action's Update, after its payload, by an API that binds an `Idempotency-Key` to its request: the
 * digest of the request (action, case, step, actor and validated body; docs/api.md, "Idempotency").
 */
export interface ActionRequestDigest {
  readonly requestDigest: string;
}

/**
 * What an action's Update answers to a request sent with its digest, from engine revision 8
 * (`answersCarryRequestDigest`): the digest of the request that took effect under this update id, then the answer.
 * Keys in this order, so that its JSON is `{"requestDigest":"…","answer":…}` (api/cases/json-answer.ts reads it so).
 */
export interface DigestedAnswer<T> {
  readonly requestDigest: string;
  readonly answer: T;
}

/** The Update of one action: named by the action type, takes its payload, answers its ActionResult. */
export type ActionUpdate<K extends CaseActionType> = UpdateDefinition<ActionResult<K>, [ActionPayload<K>], K>;

/**
 * The same Update as the workflow serves it: the request's digest may follow the payload, and the answer is then
 * a DigestedAnswer (on a case of revision 8 or later).
 */
export type ServedActionUpdate<K extends CaseActionType> = UpdateDefinition<
  ActionResult<K> | DigestedAnswer<ActionResult<K>>,
  [ActionPayload<K>, ActionRequestDigest?],
  K
>;

function actionUpdate<K extends CaseActionType>(type: K): ActionUpdate<K> {
  return defineUpdate<ActionResult<K>, [ActionPayload<K>], K>(type);
}

/** The action's Update as the workflow registers it (ServedActionUpdate). */
export function servedActionUpdate<K extends CaseActionType>(update: ActionUpdate<K>): ServedActionUpdate<K> {
  return defineUpdate<
    ActionResult<K> | DigestedAnswer<ActionResult<K>>,
    [ActionPayload<K>, ActionRequestDigest?],
    K
  >(update.name);
}

/**
 * Update per action. Typed as a map from action type to its own Update, so that indexing it with a type
 * parameter `K` gives `ActionUpdate<K>` and callers need no cast.
 */
export const CASE_ACTION_UPDATES: { readonly [K in CaseActionType]: ActionUpdate<K> } = {
  claim: actionUpdate('claim'),
  complete: actionUpdate('complete'),
  return: actionUpdate('return'),
  requestExtension: actionUpdate('requestExtension'),
  decideExtension: actionUpdate('decideExtension'),
  requestPark: actionUpdate('requestPark'),
  decidePark: actionUpdate('decidePark'),
  decideRework: actionUpdate('decideRework'),
  urge: actionUpdate('urge'),
  reassign: actionUpdate('reassign'),
  setEmergency: actionUpdate('setEmergency'),
  suspend: actionUpdate('suspend'),
  resume: actionUpdate('resume'),
  cancel: actionUpdate('cancel'),
  feedback: actionUpdate('feedback'),
  retry: actionUpdate('retry'),
  updateData: actionUpdate('updateData'),
  migrate: actionUpdate('migrate'),
};

/**
 * A published revision of the case's calendar (docs/calendar-revisions.md), sent by the calendar publication
 * batch: the days ahead change, deadlines still ahead are recomputed; answers what became of each deadline. Its
 * validator refuses a revision that is not for the case (nothing is written to its history then).
 */
export const reviseCalendarUpdate = defineUpdate<CalendarRevisionReport, [CalendarRevision]>(
  'reviseCalendar',
);

export const caseViewQuery = defineQuery<CaseView>('caseView');
export const caseTimelineQuery = defineQuery<TimelineEntry[]>('caseTimeline');
/** A migration's plan without applying it (a dry run): no history, the case untouched. */
export const migrationPlanQuery = defineQuery<MigrationPlan, [ActionPayload<'migrate'>]>('migrationPlan');
/** Every event and the snapshot, as the ledger feed sends them: `fullcycle ledger rebuild` re-projects from it. */
export const caseLedgerQuery = defineQuery<LedgerBatch>('caseLedger');
/**
 * From the worker's ledger sink (engine revision 6, docs/ledger.md): the sink could not write the batch whose
 * first event is `from`; the case sends what no activity has acknowledged through the regular activity.
 */
export const ledgerResendSignal = defineSignal<[from: number]>('ledgerResend');

/** How a case workflow starts: fresh from intake, or continued from an earlier run. */
export type CaseWorkflowInput =
  | {
      readonly kind: 'start';
      readonly case: CaseInput;
      /**
       * The instant the case starts at (epoch ms), when its starter pinned it: the API does, and answers the new
       * case's view itself from the engine's start at that instant (api/cases/case-gateway.ts). Without it (cases
       * started before), the case starts at its first workflow task's time.
       */
      readonly startedAt?: number;
      readonly options?: CaseWorkflowOptions;
    }
  | {
      readonly kind: 'continued';
      readonly state: unknown;
      /** Update ids already applied, so that a repeat after continue-as-new changes nothing. */
      readonly appliedUpdateIds: readonly string[];
      /**
       * The request digest each of those ids was applied with, when it came with one (revision 8): a repeat after
       * continue-as-new answers it as a repeat within the run would. Absent when there is none.
       */
      readonly appliedRequestDigests?: Readonly<Record<string, string>>;
      /** Timeline events the ledger feed already wrote. */
      readonly ledgerSent?: number;
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
