/**
 * Every change of engine behaviour since cases began to run, with the engine revision that introduced it. A case
 * keeps the revision it started with (`CaseState.engineRevision`), so a running case keeps its behaviour and new
 * cases get the new one. Data only: docs/architecture.md says how to add a change.
 */
export const ENGINE_BEHAVIOUR_CHANGES = {
  /**
   * 返工 runs the goto step and every step after it again (those already reached); before, only the steps on a
   * path from goto to the reworking step, so a parallel branch after goto kept its stale result (e710a95).
   */
  reworkRerunsDownstream: 1,
  /** Nothing turns overdue while the case is suspended: its clocks stand at `suspendedAt` (944a777). */
  noOverdueWhileSuspended: 1,
  /**
   * A retry of a task's incident (no department for its role) is refused, since only 改派 resolves it; before,
   * the retry cleared the incident and left the step with no one to act on it (944a777).
   */
  refuseRetryOfTaskIncident: 1,
  /**
   * A task whose sla sets `claimWithin` gets a limit for claiming (签收时限) at activation (and again at 改派): past
   * it unclaimed, the step is overdue for claiming and its `claimEscalation` rungs fire; before, no claim limit.
   */
  claimLimits: 2,
  /**
   * A rework past `max` with `onExceeded: decide` waits for a supervisor's decision (another round, close as
   * unresolved, or reassign); before, the supervisor was notified and the case moved on.
   */
  reworkDecision: 2,
  /*
   * Revision 3 changes what the shell (workflows/case-workflow.ts) asks of Temporal per transition, not an engine
   * rule; the engine never reads these. Keyed here so that a case keeps them for its whole life.
   */
  /**
   * The ledger feed writes first as a local activity with a short budget (in the transition's own workflow task)
   * and falls back to the regular activity, retried without limit, when that fails; before, regular activities only.
   */
  localFirstLedgerWrites: 3,
  /** No memo upserts while the case runs (nothing reads it; the inbox reads the ledger); before, one per change. */
  noRunningMemo: 3,
  /**
   * The shell's patches older than revision 3 (ledger feed, flow version search attribute, wake at step deadlines,
   * drain before close, continue when large; engine revisions 1 and 2) hold without asking `patched()`: such a case
   * started after all of them, and each asked patch costs a marker and a search attribute upsert in its history.
   */
  impliedEarlierPatches: 3,
  /*
   * Revision 4: the shell again, fewer and smaller commands per transition (docs/benchmarks.md).
   */
  /**
   * The loop keeps its running timer when the next wake instant is unchanged (a parallel task with the same
   * deadline completes, an urge); before, every pass cancelled it and started another for the same instant.
   */
  keepUnchangedTimer: 4,
  /**
   * A search attribute upsert carries only the keys whose value changed since the run's last upsert; before, all
   * of them whenever one changed.
   */
  upsertChangedSearchAttributes: 4,
  /**
   * Search attributes are synced by the loop's pass that follows a workflow task's Updates, once for all of them;
   * before, also by each Update (three completions in one workflow task: three upserts).
   */
  syncSearchAttributesPerPass: 4,
  /*
   * Revision 5: the shell, visibility (docs/architecture.md, "Search attributes").
   */
  /**
   * The case's search attributes are what identifies it and its coarse position (flow, version, region, priority,
   * stage, status, emergency, incident, overdue), which change a few times in its life; the keys that move on
   * nearly every transition (`FcLastProgressAt`, `FcWaitingOn`, `FcDepartments`, `FcNextDueAt`) are no longer kept
   * (the ledger answers who a case waits on, what is due, what stalled), and a run's first upsert leaves out the
   * keys the run was started with at their value; before, every key, and a run's first upsert carried all of them.
   */
  stableSearchAttributes: 5,
  /*
   * Revision 6: the shell again, the ledger fed without a command per transition (docs/ledger.md).
   */
  /**
   * The ledger feed writes each transition's batch through the worker's `caseLedger` sink, which the SDK awaits
   * before the workflow task completes (no command, no history event); a write the sink could not make comes back
   * as a `ledgerResend` signal and goes through the regular activity; a closing case and one about to continue as
   * new write what no activity acknowledged through the activity path. Before, every write was an activity (a local
   * one first from revision 3).
   */
  ledgerFedBySink: 6,
  /*
   * Revision 7: an engine rule again.
   */
  /**
   * A task's result, the case's data and a migration's data accept only the names their form declares itself:
   * `constructor`, `toString`, `__proto__` and the other names every object has are unknown fields; before, such
   * a name passed as a field of every form (its lookup found the property every object has).
   */
  formFieldsByOwnName: 7,
  /*
   * Revision 8: the shell, what an action's Update answers (docs/api.md, "Idempotency").
   */
  /**
   * An action's Update sent with the digest of its request (the API does when the request carries an
   * `Idempotency-Key`) answers `{ requestDigest, answer }`: the digest of the request that took effect under this
   * update id (the first one; after continue-as-new, the one remembered with the id) and the answer, so the API
   * refuses the same key with another request (409) instead of passing the first request's answer off as its own.
   * Before, the answer alone, whatever request was repeated under the id.
   */
  answersCarryRequestDigest: 8,
  /*
   * Revision 9: what a case keeps of its deadlines (display data, but it grows the state, and the shell continues a
   * case as new by the state's size).
   */
  /**
   * A deadline keeps the facts of its count and of each move (`Deadline.account`, deadline-account.ts), from which
   * the views word its explanation in Chinese (`dueExplanationZh`); before, only the English words.
   */
  deadlinesKeepFacts: 9,
} as const;
