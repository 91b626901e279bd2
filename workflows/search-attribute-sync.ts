/**
 * Keeps a case's search attributes (and, before engine revision 3, its memo) current after each transition. The
 * decision to upsert (a command) rests on raw values only, codes and epoch ms, never on the memo's wording: display
 * code stays off the determinism path.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { behaves, caseSummary } from './engine/case';
import type { CaseState } from './engine/case/case-state';
import { caseMemo, memoFingerprint } from './case-memo';
import {
  changedSearchAttributes,
  searchAttributeUpdates,
  stableSearchAttributeUpdates,
  startedWith,
} from './case-search-attributes';
import { patchedBefore3 } from './shell-patches';

/** Patch id: the case keeps `FcFlowVersion` (which version of its flow it runs) among its search attributes. */
const FLOW_VERSION_SEARCH_ATTRIBUTE = 'flow-version-search-attribute';

/** Returns the sync of one run of the case: call it after every transition; it upserts what changed. */
export function createSearchAttributeSync(current: () => CaseState): () => void {
  let lastFingerprint = '';
  const upserted = new Map<string, unknown>();
  const updatesNow = (state: CaseState, now: number): SearchAttributeUpdatePair[] =>
    searchAttributeUpdates(
      caseSummary(state, now),
      state,
      patchedBefore3(state, FLOW_VERSION_SEARCH_ATTRIBUTE),
    );
  /**
   * Revision 5 on: the stable keys only, each when its value differs from this run's last upsert of it or, before
   * the run's first upsert, from what the run was started with.
   */
  let stableUpserted: Map<string, unknown> | undefined;
  const upsertStable = (state: CaseState, now: number): void => {
    const updates = stableSearchAttributeUpdates(caseSummary(state, now), state);
    stableUpserted ??= startedWith(workflowInfo().typedSearchAttributes, updates);
    const changed = changedSearchAttributes(updates, stableUpserted);
    if (changed.length > 0) upsertSearchAttributes(changed);
  };
  /** Revision 4: only the keys whose value differs from this run's last upsert of them. */
  const upsertChanged = (state: CaseState, now: number): void => {
    const changed = changedSearchAttributes(updatesNow(state, now), upserted);
    if (changed.length > 0) upsertSearchAttributes(changed);
  };
  /** Before: every key (and the memo before revision 3) whenever any of them changed. */
  const upsertAll = (state: CaseState, now: number): void => {
    const updates = updatesNow(state, now);
    const withMemo = !behaves(state, 'noRunningMemo');
    const fingerprint = JSON.stringify([
      updates.map((u) => [u.key.name, u.value]),
      withMemo ? memoFingerprint(state, now) : null,
    ]);
    if (fingerprint === lastFingerprint) return;
    lastFingerprint = fingerprint;
    upsertSearchAttributes(updates);
    if (withMemo) upsertMemo({ ...caseMemo(state, now) });
  };
  return () => {
    const state = current();
    const now = Date.now();
    if (behaves(state, 'stableSearchAttributes')) upsertStable(state, now);
    else if (behaves(state, 'upsertChangedSearchAttributes')) upsertChanged(state, now);
    else upsertAll(state, now);
  };
}
