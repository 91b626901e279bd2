/**
 * Runs an Update's effect once per update id, after continue-as-new too: a repeat answers without applying again
 * (Temporal itself answers repeats within one run; the workflow answers those a later run receives).
 */
import { currentUpdateInfo } from '@temporalio/workflow';
import type { CaseState } from './engine/case/case-state';
import { behaves } from './engine/case';
import type { ActionRequestDigest, DigestedAnswer } from './messages';
import type { AppliedUpdates } from './applied-updates';

export interface UpdateOnce {
  /** Whether the running Update's id was applied before (a repeat, after continue-as-new too). */
  isRepeat: () => boolean;
  /** Runs `run` once per update id; a repeat answers `repeat()`. */
  once: <T>(run: () => T, repeat: () => T, requestDigest?: string) => T;
  /**
   * An action's `once`. From engine revision 8 an action sent with its request's digest answers with the digest
   * of the request applied under its id: this one, or for a repeat the one remembered with the id (none: the
   * answer alone, as before).
   */
  onceForRequest: <T>(
    request: ActionRequestDigest | undefined,
    run: () => T,
    repeat: () => T,
  ) => T | DigestedAnswer<T>;
}

/** `syncSearchAttributes` runs after each applied Update on cases before engine revision 4. */
export function createUpdateOnce(
  appliedUpdates: AppliedUpdates,
  currentState: () => CaseState,
  syncSearchAttributes: () => void,
): UpdateOnce {
  const isRepeat = (): boolean => {
    const id = currentUpdateInfo()?.id;
    return id !== undefined && appliedUpdates.has(id);
  };
  const once = <T>(run: () => T, repeat: () => T, requestDigest?: string): T => {
    const id = currentUpdateInfo()?.id;
    if (isRepeat()) return repeat();
    const answer = run();
    if (id !== undefined) appliedUpdates.add(id, requestDigest);
    // From engine revision 4 the loop's pass after the workflow task's Updates syncs once for all of them.
    if (!behaves(currentState(), 'syncSearchAttributesPerPass')) syncSearchAttributes();
    return answer;
  };
  const onceForRequest = <T>(
    request: ActionRequestDigest | undefined,
    run: () => T,
    repeat: () => T,
  ): T | DigestedAnswer<T> => {
    // A digest that is not a string (no sender of ours writes one) is taken as none.
    const digest = typeof request?.requestDigest === 'string' ? request.requestDigest : undefined;
    if (digest === undefined || !behaves(currentState(), 'answersCarryRequestDigest'))
      return once(run, repeat);
    const id = currentUpdateInfo()?.id;
    const applied = isRepeat() ? appliedUpdates.digestOf(id!) : digest;
    const answer = once(run, repeat, digest);
    return applied === undefined ? answer : { requestDigest: applied, answer };
  };
  return { isRepeat, once, onceForRequest };
}
