/**
 * The engine revision a new case starts on, decided replay-safely with one `patched('engine-revision-<n>')` marker
 * per case (docs/architecture.md, "Engine revisions").
 */
import { patched } from '@temporalio/workflow';
import { CURRENT_ENGINE_REVISION } from './engine/case';

/** Patch id of engine revision `n`: a new case starts on it (a replayed case without its marker did not). */
const engineRevisionPatch = (n: number): string => `engine-revision-${n}`;
/** The last revision decided by asking every revision's patch from 1 up (revision 3 on, the newest first). */
const LAST_REVISION_ASKED_UPWARDS = 2;

/**
 * The engine revision of a case starting now. From revision 3 on, one marker per case: the newest revision whose
 * patch this run records (the current one on a fresh run; replaying, the one the case recorded). A history with
 * none of those was recorded on revision 2 or before: as then, every revision whose marker it records, asked from
 * 1 up, so that such a case keeps the revision it started with.
 */
export function engineRevisionOfNewCase(): number {
  for (let revision = CURRENT_ENGINE_REVISION; revision > LAST_REVISION_ASKED_UPWARDS; revision -= 1) {
    if (patched(engineRevisionPatch(revision))) return revision;
  }
  let revision = 0;
  while (revision < LAST_REVISION_ASKED_UPWARDS && patched(engineRevisionPatch(revision + 1))) revision += 1;
  return revision;
}
