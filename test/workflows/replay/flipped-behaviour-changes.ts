/**
 * The table of engine behaviour changes with one rule flipped, for the replay test that shows an unguarded
 * change fails replay: `reworkRerunsDownstream` moves to revision 2, so cases of revision 1 get the rework rule
 * of revision 0 back, as if someone had changed the rule in place instead of adding a revision.
 */
import type { ENGINE_BEHAVIOUR_CHANGES as REAL } from '../../../workflows/engine/case/engine-behaviour-changes';

export const ENGINE_BEHAVIOUR_CHANGES = {
  reworkRerunsDownstream: 2,
  noOverdueWhileSuspended: 1,
  refuseRetryOfTaskIncident: 1,
} as const satisfies Record<keyof typeof REAL, number>;
