/**
 * The Temporal shell of a case: runs the pure engine (workflows/engine/case) with Temporal primitives. Actions
 * arrive as Updates whose validators reject what the engine would refuse (leaving no history); service steps
 * call departmental systems through activities; one durable timer sleeps until the engine's next due instant.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
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
  applyAction,
  behaves,
  applyServiceResult,
  applyTime,
  caseTimeline,
  caseView,
  isFinished,
  startCase,
  validateAction,
} from './engine/case';
import {
  caseLedgerQuery,
  caseTimelineQuery,
  caseViewQuery,
  migrationPlanQuery,
  reviseCalendarUpdate,
  type CaseWorkflowInput,
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
import { createUpdateOnce } from './update-once';
import { toFailure } from './engine-failure';
import { nextWake } from './next-wake';
import { engineRevisionOfNewCase } from './new-case-revision';

/** Patch id: the case completes only once the activities it started have finished. */
const DRAIN_COMMANDS_BEFORE_CLOSE = 'drain-commands-before-close';
/** Patch id: a state nearing the payload limit continues as new, compacted. */
const CONTINUE_WHEN_STATE_LARGE = 'continue-when-state-large';

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

  const { isRepeat, once, onceForRequest } = createUpdateOnce(
    appliedUpdates,
    () => state,
    syncSearchAttributes,
  );
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
