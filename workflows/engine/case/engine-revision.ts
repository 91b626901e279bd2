/**
 * The engine revision of a case: which behaviour changes (engine-behaviour-changes.ts) apply to it. The shell
 * decides a new case's revision replay-safely (one `patched('engine-revision-<n>')` per revision) and passes it
 * to `startCase`; engine rules ask `behaves(state, change)`, never the revision number itself.
 */
import type { CaseState } from './case-state';
import { ENGINE_BEHAVIOUR_CHANGES } from './engine-behaviour-changes';

/** A named behaviour change. */
export type EngineBehaviour = keyof typeof ENGINE_BEHAVIOUR_CHANGES;

/** The revision new cases start with: the newest in the table. */
export const CURRENT_ENGINE_REVISION: number = Math.max(0, ...Object.values(ENGINE_BEHAVIOUR_CHANGES));

/** The case's revision; a state recorded before revisions existed has none, which is revision 0. */
export function engineRevisionOf(state: CaseState): number {
  return state.engineRevision ?? 0;
}

/** Whether the case started on an engine that has `change`. */
export function behaves(state: CaseState, change: EngineBehaviour): boolean {
  return engineRevisionOf(state) >= ENGINE_BEHAVIOUR_CHANGES[change];
}
