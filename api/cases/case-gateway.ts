/**
 * The API's one door to Temporal for cases: start (idempotent by caseId), read the view and timeline, run an
 * action as an Update (update id = idempotency key), plan a migration, and start and follow batch migrations.
 * Lists of cases are the ledger's (api/ledger/), never visibility's.
 */
import {
  type Client,
  type WorkflowHandle,
  WorkflowClient,
  WorkflowExecutionAlreadyStartedError,
} from '@temporalio/client';
import {
  rawValueTypeInfo,
  type QueryDefinition,
  type RawValue,
  type UpdateDefinition,
} from '@temporalio/common';
import type { CaseInput } from '../../workflows/engine/case-input';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { CaseView, TimelineEntry } from '../../workflows/engine/case/case-view';
import type { MigrationPlan } from '../../workflows/engine/migration/migration-model';
import type {
  BatchMigrationProgress,
  BatchMigrationRequest,
} from '../../workflows/engine/migration/batch-migration';
import {
  calendarPublicationId,
  type CalendarPublicationProgress,
  type CalendarPublicationRequest,
} from '../../workflows/engine/calendar-revision/calendar-publication';
import {
  calendarPublicationProgressQuery,
  type CalendarPublicationInput,
} from '../../workflows/calendar-publication-messages';
import {
  flowMigrationProgressQuery,
  flowMigrationWorkflowId,
  type FlowMigrationInput,
} from '../../workflows/flow-migration-messages';
import {
  CASE_ACTION_UPDATES,
  caseTimelineQuery,
  caseViewQuery,
  caseWorkflowId,
  migrationPlanQuery,
  type ActionPayload,
  type ActionRequestDigest,
  type ActionResult,
  type DigestedAnswer,
} from '../../workflows/messages';
import { caseView } from '../../workflows/engine/case';
import { temporalClosureSource } from '../../closures/temporal-closure-source';
import type { ClosureSource } from '../../ledger';
import { ConflictProblemError } from '../problems';
import { caseStart } from './case-start';
import { JsonAnswer } from './json-answer';
import { requestFingerprint } from './request-digest';

/**
 * An action sent with an `Idempotency-Key`: the Update id made of it, and the digest of the request, which the
 * case binds to that id (from engine revision 8) so that the key with another request is refused.
 */
export interface KeyedAction {
  readonly key: string;
  readonly updateId: string;
  readonly requestDigest: string;
}

export interface CaseGateway {
  /**
   * Starts the case and answers its first view; the same caseId with the same request again answers
   * `created: false` (the caller reads the view it needs: api/ledger/case-view-or-record.ts), another request 409.
   */
  start(input: CaseInput, request: unknown): Promise<CaseStarted>;
  /**
   * The case view as the workflow's Query answered it (its JSON, decoded only when a route looks into it). With
   * `patience: 'deadline'` the Query gives up after the gateway's `queryTimeoutMs` with DEADLINE_EXCEEDED (for a
   * reader that has the ledger's record to fall back on); by default it waits as long as Temporal's client does
   * (Core's 30 s), as every other Query of the gateway.
   */
  view(caseId: string, patience?: QueryPatience): Promise<JsonAnswer<CaseView>>;
  timeline(caseId: string): Promise<TimelineEntry[]>;
  /**
   * Runs the action's Update; its answer as the workflow encoded it. A keyed action whose key the case has
   * applied with another request is a 409 (`idempotency-key-reused`). An Update not applied within the gateway's
   * `actionTimeoutMs` (no worker took it, or Temporal did not answer) ends with WorkflowUpdateRPCTimeoutOrCancelledError
   * (a 503 `action-not-delivered`); Temporal may still apply it once a worker runs, and the retry with the same key
   * (the same Update id) answers that outcome.
   */
  act<K extends CaseActionType>(
    caseId: string,
    type: K,
    payload: ActionPayload<K>,
    keyed?: KeyedAction,
  ): Promise<JsonAnswer<ActionResult<K>>>;
  /** A migration's plan without applying it (a Query: no history, the case untouched). */
  planMigration(caseId: string, payload: ActionPayload<'migrate'>): Promise<MigrationPlan>;
  /** Starts a batch migration; false when one with this id exists already (a repeated request). */
  startFlowMigration(request: BatchMigrationRequest): Promise<boolean>;
  /** A batch migration's progress; WorkflowNotFoundError when there is none with this id. */
  flowMigration(migrationId: string): Promise<BatchMigrationProgress>;
  /** Starts (or, once the last has completed, runs again) the publication of a calendar revision; false while one runs. */
  startCalendarPublication(request: CalendarPublicationRequest): Promise<boolean>;
  /** A calendar publication's progress; WorkflowNotFoundError when Temporal keeps none. */
  calendarPublication(calendar: string, revision: number): Promise<CalendarPublicationProgress>;
  /** How Temporal closed a case's workflow outside the engine, and how it started (api/ledger/closure-on-sight.ts). */
  readonly closures: ClosureSource;
}

/** How long a Query waits for a worker: the gateway's `queryTimeoutMs`, or as long as Temporal's client does. */
export type QueryPatience = 'deadline' | 'client';

/** A case start: the new case's view, or a repeat of the request that started the case (nothing started). */
export type CaseStarted = { created: true; view: JsonAnswer<CaseView> } | { created: false };

/** How the gateway asks workflows. */
export interface CaseGatewayOptions {
  /**
   * How long a view Query asked with `patience: 'deadline'` may wait for a worker to answer
   * (CASE_READ_QUERY_TIMEOUT_MS): without a deadline of ours, Core's client gives a Query no worker answers up after
   * 30 s.
   */
  readonly queryTimeoutMs: number;
  /**
   * How long an action's Update may wait to be applied (CASE_ACTION_UPDATE_TIMEOUT_MS): without a deadline of ours,
   * Temporal holds an Update no worker takes, and the client waits for it, as long as no worker runs.
   */
  readonly actionTimeoutMs: number;
}

/** Whether a batch workflow started: false when one with its id runs (or, per its reuse policy, ran) already. */
async function startBatch(started: Promise<unknown>): Promise<boolean> {
  try {
    await started;
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

/** Asks for a result as the payload the workflow wrote, not decoded (sent on as JSON by the routes). */
const RAW_RESULT = { typeInfo: { outputType: rawValueTypeInfo } } as const;

/** A Query's answer as the workflow wrote it, typed by the Query's definition. */
async function queryAnswer<Ret>(
  handle: WorkflowHandle,
  query: QueryDefinition<Ret>,
): Promise<JsonAnswer<Ret>> {
  return JsonAnswer.ofResult<Ret>(await handle.queryWithOptions<RawValue>(query.name, RAW_RESULT));
}

/**
 * Runs an action's Update; its answer as the workflow wrote it. A keyed action sends its request's digest after
 * the payload; a case of revision 8 answers it in an envelope with the digest of the request applied under the
 * key, which must be this one. A case of an earlier revision (or a worker older than this API) ignores the digest
 * and answers as before: the answer alone, passed on as it is.
 */
async function actionAnswer<Ret, Arg>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  keyed: KeyedAction | undefined,
): Promise<JsonAnswer<Ret>> {
  const result = await handle.executeUpdate<RawValue, [Arg, ActionRequestDigest?]>(update.name, {
    args: keyed ? [arg, { requestDigest: keyed.requestDigest }] : [arg],
    ...RAW_RESULT,
    ...(keyed ? { updateId: keyed.updateId } : {}),
  });
  const { requestDigest, answer } = JsonAnswer.ofResult<Ret | DigestedAnswer<Ret>>(result).unwrapped<Ret>();
  if (keyed && requestDigest !== undefined && requestDigest !== keyed.requestDigest)
    throw keyReused(keyed.key);
  return answer;
}

const keyReused = (key: string) =>
  new ConflictProblemError(
    `Idempotency-Key '${key}' was used for another request on this case; nothing was changed`,
    { slug: 'idempotency-key-reused', title: 'Idempotency key reused' },
  );

/** Builds the gateway over a Temporal client and the task queue the case worker polls. */
export function createCaseGateway(
  client: Client,
  taskQueue: string,
  { queryTimeoutMs, actionTimeoutMs }: CaseGatewayOptions,
): CaseGateway {
  const handle = (caseId: string) => client.workflow.getHandle(caseWorkflowId(caseId));
  /** A Query, ended at our deadline (DEADLINE_EXCEEDED) when no worker answers it sooner. */
  const askedUntilDeadline = <T>(query: () => Promise<T>): Promise<T> =>
    client.withDeadline(Date.now() + queryTimeoutMs, query);
  // A workflow closed outside the engine (terminated, timed out, failed) refuses the view Query with
  // QueryRejectedError: replayed, it would show the case as it stood, still open. Readers take the ledger's record
  // of its end instead (api/ledger/case-view-or-record.ts).
  const views = new WorkflowClient({
    ...client.workflow.options,
    queryRejectCondition: 'NOT_COMPLETED_CLEANLY',
  });
  const view = (caseId: string, patience: QueryPatience = 'client') => {
    const query = () => queryAnswer(views.getHandle(caseWorkflowId(caseId)), caseViewQuery);
    return patience === 'deadline' ? askedUntilDeadline(query) : query();
  };
  return {
    closures: temporalClosureSource(client),
    async start(input, request) {
      const fingerprint = requestFingerprint(request);
      const startedAt = Date.now();
      const { args, typedSearchAttributes, started } = caseStart(input, startedAt);
      try {
        await client.workflow.start('caseWorkflow', {
          taskQueue,
          workflowId: caseWorkflowId(input.caseId),
          args,
          memo: { requestFingerprint: fingerprint },
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        const description = await handle(input.caseId).describe();
        if (description.memo?.requestFingerprint !== fingerprint) {
          throw new ConflictProblemError(`Case '${input.caseId}' exists with a different request`);
        }
        return { created: false };
      }
      // The view the workflow answers for the case it starts at `startedAt` (no Query: one workflow task fewer).
      return { created: true, view: JsonAnswer.ofValue(caseView(started, startedAt)) };
    },
    view,
    planMigration: (caseId, payload) => handle(caseId).query(migrationPlanQuery, payload),
    startFlowMigration: (request) =>
      startBatch(
        client.workflow.start<(input: FlowMigrationInput) => Promise<BatchMigrationProgress>>(
          'flowMigrationWorkflow',
          {
            taskQueue,
            workflowId: flowMigrationWorkflowId(request.migrationId),
            args: [{ request }],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          },
        ),
      ),
    flowMigration: (migrationId) =>
      client.workflow.getHandle(flowMigrationWorkflowId(migrationId)).query(flowMigrationProgressQuery),
    startCalendarPublication: (request) =>
      startBatch(
        client.workflow.start<(input: CalendarPublicationInput) => Promise<CalendarPublicationProgress>>(
          'calendarPublicationWorkflow',
          {
            taskQueue,
            workflowId: calendarPublicationId(
              request.revision.calendar.name,
              request.revision.calendar.revision,
            ),
            args: [{ request }],
            // Publishing the same revision again runs its batch again, for cases the last run missed.
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          },
        ),
      ),
    calendarPublication: (calendar, revision) =>
      client.workflow
        .getHandle(calendarPublicationId(calendar, revision))
        .query(calendarPublicationProgressQuery),
    // Asked right after the view answered (api/ledger/ledger-case-reads.ts): the worker is there.
    timeline: (caseId) => handle(caseId).query(caseTimelineQuery),
    // Every call of the Update (sent again until Temporal admits it, then polled for its outcome) ends by one deadline.
    act: (caseId, type, payload, keyed) =>
      client.withDeadline(Date.now() + actionTimeoutMs, () =>
        actionAnswer(handle(caseId), CASE_ACTION_UPDATES[type], payload, keyed),
      ),
  };
}
