/**
 * The update ids a case has applied, each with the digest of the request it came with (engine revision 8), kept
 * across continue-as-new. Within one run Temporal itself answers a repeated update id with the first outcome,
 * without calling the workflow; after continue-as-new the workflow answers it: the id is a repeat (nothing is
 * applied again), and the digest remembered with it tells the API which request took effect under it.
 */
import type { CaseWorkflowInput } from './messages';

/** How many applied update ids a case remembers and carries across continue-as-new (the oldest are forgotten). */
const REMEMBERED_UPDATE_IDS = 2_000;

export interface AppliedUpdates {
  /** Whether the update id was applied before (in this run or an earlier one). */
  has(id: string): boolean;
  /** The digest of the request applied under the id, when it came with one. */
  digestOf(id: string): string | undefined;
  add(id: string, requestDigest: string | undefined): void;
  /** What the next run starts with (the digests only when there are any, so older cases carry what they did). */
  carried(): Pick<
    Extract<CaseWorkflowInput, { kind: 'continued' }>,
    'appliedUpdateIds' | 'appliedRequestDigests'
  >;
}

/** The applied updates of a run: none for a new case, the earlier run's for a continued one. */
export function createAppliedUpdates(input: CaseWorkflowInput): AppliedUpdates {
  const applied = new Map<string, string | undefined>();
  if (input.kind === 'continued') {
    const digests = new Map(Object.entries(input.appliedRequestDigests ?? {}));
    for (const id of input.appliedUpdateIds) applied.set(id, digests.get(id));
  }
  return {
    has: (id) => applied.has(id),
    digestOf: (id) => applied.get(id),
    add(id, requestDigest) {
      applied.set(id, requestDigest);
      if (applied.size > REMEMBERED_UPDATE_IDS) applied.delete(applied.keys().next().value!);
    },
    carried() {
      const digests = [...applied].filter((entry): entry is [string, string] => entry[1] !== undefined);
      return {
        appliedUpdateIds: [...applied.keys()],
        ...(digests.length === 0 ? {} : { appliedRequestDigests: Object.fromEntries(digests) }),
      };
    },
  };
}
