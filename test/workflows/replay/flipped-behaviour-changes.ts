/**
 * The table of engine behaviour changes with one rule flipped, for the replay test that shows an unguarded
 * change fails replay: `reworkRerunsDownstream` moves to a later revision (10, after every real one), so cases of
 * revisions 1 to 9 get the rework rule of revision 0 back, as if someone had changed the rule in place instead of
 * adding a revision.
 */
import type { ENGINE_BEHAVIOUR_CHANGES as REAL } from '../../../workflows/engine/case/engine-behaviour-changes';

export const ENGINE_BEHAVIOUR_CHANGES = {
  reworkRerunsDownstream: 10,
  noOverdueWhileSuspended: 1,
  refuseRetryOfTaskIncident: 1,
  claimLimits: 2,
  reworkDecision: 2,
  localFirstLedgerWrites: 3,
  noRunningMemo: 3,
  impliedEarlierPatches: 3,
  keepUnchangedTimer: 4,
  upsertChangedSearchAttributes: 4,
  syncSearchAttributesPerPass: 4,
  stableSearchAttributes: 5,
  ledgerFedBySink: 6,
  formFieldsByOwnName: 7,
  answersCarryRequestDigest: 8,
  deadlinesKeepFacts: 9,
} as const satisfies Record<keyof typeof REAL, number>;
