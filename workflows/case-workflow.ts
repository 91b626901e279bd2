/**
 * The Temporal shell of a case: runs the pure engine (workflows/engine/case) with Temporal primitives. Actions
 * arrive as Updates whose validators reject what the engine would refuse (leaving no history); service steps
 * call departmental systems through activities; one durable timer sleeps until the engine's next due instant.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ServiceResult } from './engine/case/case-actions';
import type { CaseState } from './engine/case/case-state';
import type { Command, Transition } from './engine/case/commands';
import type { CaseView } from './engine/case/case-view';
import type {
  CalendarRevision,
  CalendarRevisionReport,
} from './engine/calendar-revision/calendar-revision-model';
import {
  CURRENT_ENGINE_REVISION,
  applyAction,
  behaves,
  applyServiceResult,
  applyTime,
  caseTimeline,
  caseView,
  isFinished,
  nextWakeAt,
  startCase,
  validateAction,
} from './engine/case';
import {
  caseLedgerQuery,
  caseTimelineQuery,
  caseViewQuery,
  migrationPlanQuery,
  reviseCalendarUpdate,
  type ActionRequestDigest,
  type CaseWorkflowInput,
  type DigestedAnswer,
} from './messages';
import { checkCalendarRevision, reviseCaseCalendar } from './engine/calendar-revision';
import { previewMigration } from './engine/migration/preview-migration';
import { MigrationRefusedError } from './engine/migration/migration-errors';
import { setCaseActionHandlers } from './case-action-handlers';
import { ledgerBatch } from './engine/case/ledger-snapshot';
import { patchedBefore3 } from './shell-patches';
import { startLedgerFeed } from './ledger-feed';
import { startSinkLedgerFeed } from './ledger-sink-feed';
import { compactState, needsCompacting } from './engine/case/compact-state';
import { createSearchAttributeSync } from './search-attribute-sync';
import { runCommand } from './case-commands';
import { createWakeTimer } from './wake-timer';
import { createAppliedUpdates } from './applied-updates';

/** Patch id: the loop also wakes at the next step deadline. */
const WAKE_AT_STEP_DEADLINES = 'wake-at-step-deadlines';
/** Patch id: the case completes only once the activities it started have finished. */
const DRAIN_COMMANDS_BEFORE_CLOSE = 'drain-commands-before-close';
/** Patch id: a state nearing the payload limit continues as new, compacted. */
const CONTINUE_WHEN_STATE_LARGE = 'continue-when-state-large';
/** Patch id of engine revision `n`: a new case starts on it (a replayed case without its marker did not). */
const engineRevisionPatch = (n: number): string => `engine-revision-${n}`;
/** The last revision decided by asking every revision's patch from 1 up (revision 3 on, the newest first). */
const LAST_REVISION_ASKED_UPWARDS = 2;

/** Turns an engine error into an ApplicationFailure of the same type, with its field errors as details. */
function toFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const details = 'errors' in err ? [(err as { errors: unknown }).errors] : [];
  return ApplicationFailure.create({ type: err.name, message: err.message, nonRetryable: true, details });
}

/** Runs one case from intake to closure (or cancellation); returns the final case view. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  let state: CaseState;
  const appliedUpdates = createAppliedUpdates(input);
  const serviceResults: ServiceResult[] = [];
  let commandsInFlight = 0;
  /** Bumped by every transition, so that the main loop re-plans its timer after an update. */
  let transitions = 0;

  const commit = (transition: Transition): void => {
    state = transition.state;
    transitions += 1;
    for (const command of transition.commands) void execute(command);
    feed?.push();
  };
  const execute = async (command: Command): Promise<void> => {
    commandsInFlight += 1;
    try {
      const result = await runCommand(state.input.caseId, command, state.input.calendar.timezone);
      if (result) serviceResults.push(result);
    } finally {
      commandsInFlight -= 1;
    }
  };
  const syncSearchAttributes = createSearchAttributeSync(() => state);

  if (input.kind === 'start') {
    // The instant the starter pinned (the API answers the view of this start), else this task's time as before.
    const started = startCase(input.case, input.startedAt ?? Date.now(), engineRevisionOfNewCase());
    state = started.state;
    for (const command of started.commands) void execute(command);
  } else {
    state = input.state as CaseState;
  }
  const ledgerSent = input.kind === 'continued' ? (input.ledgerSent ?? 0) : 0;
  // From engine revision 6 the ledger is fed through the worker's sink (no command per transition).
  const feed = behaves(state, 'ledgerFedBySink')
    ? startSinkLedgerFeed(() => state, ledgerSent)
    : startLedgerFeed(() => state, ledgerSent);
  feed?.push();

  /** Whether the running Update's id was applied before (a repeat, after continue-as-new too). */
  const isRepeat = (): boolean => {
    const id = currentUpdateInfo()?.id;
    return id !== undefined && appliedUpdates.has(id);
  };
  /** Runs an Update's effect once per update id; a repeat (after continue-as-new too) answers `repeat()`. */
  const once = <T>(run: () => T, repeat: () => T, requestDigest?: string): T => {
    const id = currentUpdateInfo()?.id;
    if (isRepeat()) return repeat();
    const answer = run();
    if (id !== undefined) appliedUpdates.add(id, requestDigest);
    // From engine revision 4 the loop's pass after the workflow task's Updates syncs once for all of them.
    if (!behaves(state, 'syncSearchAttributesPerPass')) syncSearchAttributes();
    return answer;
  };
  /**
   * An action's `once`. From engine revision 8 an action sent with its request's digest answers with the digest
   * of the request applied under its id: this one, or for a repeat the one remembered with the id (none: the
   * answer alone, as before).
   */
  const onceForRequest = <T>(
    request: ActionRequestDigest | undefined,
    run: () => T,
    repeat: () => T,
  ): T | DigestedAnswer<T> => {
    // A digest that is not a string (no sender of ours writes one) is taken as none.
    const digest = typeof request?.requestDigest === 'string' ? request.requestDigest : undefined;
    if (digest === undefined || !behaves(state, 'answersCarryRequestDigest')) return once(run, repeat);
    const id = currentUpdateInfo()?.id;
    const applied = isRepeat() ? appliedUpdates.digestOf(id!) : digest;
    const answer = once(run, repeat, digest);
    return applied === undefined ? answer : { requestDigest: applied, answer };
  };
  const view = (): CaseView => caseView(state, Date.now());
  setCaseActionHandlers({
    apply: (action, request) =>
      onceForRequest(
        request,
        () => {
          commit(applyAction(state, action, Date.now()));
          return view();
        },
        view,
      ),
    migrate: (action, request) =>
      onceForRequest(
        request,
        () => {
          const { plan, transition } = previewMigration(state, action, Date.now());
          if (transition === undefined) throw toFailure(new MigrationRefusedError(plan.errors));
          commit(transition);
          return { ...plan, applied: true };
        },
        () => state.migrations?.at(-1)?.plan ?? previewMigration(state, action, Date.now()).plan,
      ),
    validate: (action) => {
      if (isRepeat()) return;
      try {
        validateAction(state, action, Date.now());
      } catch (error) {
        throw toFailure(error);
      }
    },
  });
  // A new Update (docs/calendar-revisions.md): histories that never received it replay as before.
  setHandler(
    reviseCalendarUpdate,
    (revision) =>
      once(
        () => {
          const { transition, report } = reviseCaseCalendar(state, revision, Date.now());
          commit(transition);
          return report;
        },
        () => repeatedRevision(state, revision.calendar.revision),
      ),
    {
      validator: (revision: CalendarRevision) => {
        if (isRepeat()) return;
        try {
          checkCalendarRevision(state, revision);
        } catch (error) {
          throw toFailure(error);
        }
      },
    },
  );
  setHandler(caseViewQuery, view);
  setHandler(caseTimelineQuery, () => caseTimeline(state));
  setHandler(
    migrationPlanQuery,
    (payload) => previewMigration(state, { ...payload, type: 'migrate' }, Date.now()).plan,
  );
  setHandler(caseLedgerQuery, () => ledgerBatch(state, 0));

  const historyEventLimit = input.options?.historyEventLimit;
  const shouldContinueAsNew = (): boolean =>
    workflowInfo().continueAsNewSuggested ||
    (historyEventLimit !== undefined && workflowInfo().historyLength >= historyEventLimit);

  // From engine revision 4 the loop's timer outlives a pass whose next wake is the same instant.
  const timer = behaves(state, 'keepUnchangedTimer') ? createWakeTimer() : undefined;
  syncSearchAttributes();
  while (!isFinished(state)) {
    const wakeAt = nextWake(state);
    const seen = transitions;
    const woken = (): boolean =>
      transitions !== seen || serviceResults.length > 0 || isFinished(state) || shouldContinueAsNew();
    if (timer === undefined) {
      await condition(woken, wakeAt === undefined ? undefined : Math.max(wakeAt - Date.now(), 1));
    } else {
      timer.wakeAt(wakeAt);
      await condition(() => woken() || timer.fired());
    }
    while (serviceResults.length > 0) commit(applyServiceResult(state, serviceResults.shift()!, Date.now()));
    commit(applyTime(state, Date.now()));
    syncSearchAttributes();
    const tooLarge = needsCompacting(state) && patchedBefore3(state, CONTINUE_WHEN_STATE_LARGE);
    if (!isFinished(state) && (shouldContinueAsNew() || tooLarge)) {
      await condition(() => allHandlersFinished() && commandsInFlight === 0);
      // A ledger write completing in the same task as continue-as-new would fail it; the next run resends the
      // rest, so a write held up by a database outage delays this by 30 s at most. (From revision 6 the feed first
      // writes through an activity what only its sink carried.)
      await feed?.settled('30 seconds');
      while (serviceResults.length > 0)
        commit(applyServiceResult(state, serviceResults.shift()!, Date.now()));
      log.info('Continuing as new', {
        caseId: state.input.caseId,
        historyLength: workflowInfo().historyLength,
      });
      await continueAsNew<typeof caseWorkflow>({
        kind: 'continued',
        state: compactState(state),
        ...appliedUpdates.carried(),
        ...(feed === undefined ? {} : { ledgerSent: feed.sent() }),
        options: input.options,
      });
    }
  }
  // Since the patch, notifications (and any late call) sent at closure are delivered before the case completes.
  const drain = patchedBefore3(state, DRAIN_COMMANDS_BEFORE_CLOSE);
  await condition(() => allHandlersFinished() && (!drain || commandsInFlight === 0));
  // The ledger keeps the case after Temporal forgets it: its last write lands before the case completes.
  await feed?.drained();
  syncSearchAttributes();
  return caseView(state, Date.now());
}

/**
 * When the loop must run next: the engine's next event, and (since the patch) the next step deadline, so that
 * `FcOverdue` turns true when a step without escalation rungs passes its deadline.
 */
function nextWake(state: CaseState): number | undefined {
  const engineWake = nextWakeAt(state);
  if (!patchedBefore3(state, WAKE_AT_STEP_DEADLINES) || state.status !== 'open') return engineWake;
  const now = Date.now();
  const upcoming = Object.values(state.steps)
    .filter((step) => (step.status === 'active' || step.status === 'claimed') && !step.parked)
    .map((step) => step.deadline?.at)
    .filter((at): at is number => at !== undefined && at > now);
  const wakes = engineWake === undefined ? upcoming : [...upcoming, engineWake];
  return wakes.length === 0 ? undefined : Math.min(...wakes);
}

/**
 * The engine revision of a case starting now. From revision 3 on, one marker per case: the newest revision whose
 * patch this run records (the current one on a fresh run; replaying, the one the case recorded). A history with
 * none of those was recorded on revision 2 or before: as then, every revision whose marker it records, asked from
 * 1 up, so that such a case keeps the revision it started with.
 */
function engineRevisionOfNewCase(): number {
  for (let revision = CURRENT_ENGINE_REVISION; revision > LAST_REVISION_ASKED_UPWARDS; revision -= 1) {
    if (patched(engineRevisionPatch(revision))) return revision;
  }
  let revision = 0;
  while (revision < LAST_REVISION_ASKED_UPWARDS && patched(engineRevisionPatch(revision + 1))) revision += 1;
  return revision;
}

/** The answer to a repeated revision Update: the case is on it already, nothing moved this time. */
function repeatedRevision(state: CaseState, revision: number): CalendarRevisionReport {
  return {
    caseId: state.input.caseId,
    calendar: state.input.calendar.name,
    fromRevision: revision,
    toRevision: revision,
    effectiveFrom: '',
    deadlines: [],
  };
}
