/**
 * Whether a shell change guarded by a `patched()` id applies to a case: always for a case of engine revision 3 or
 * later (it started after every such patch, so asking would only add a marker and a search attribute upsert to its
 * history), else what `patched` answers, as before.
 */
import { patched } from '@temporalio/workflow';
import type { CaseState } from './engine/case/case-state';
import { behaves } from './engine/case/engine-revision';

export function patchedBefore3(state: CaseState, patchId: string): boolean {
  return behaves(state, 'impliedEarlierPatches') || patched(patchId);
}
