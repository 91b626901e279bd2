/**
 * Group commit: what arrives while a commit is running is committed together in the next one, so that many
 * concurrent writers pay one transaction (and one set of multi-row statements) instead of one each. Each caller's
 * promise settles with its own item: when a grouped commit fails, each of its items is committed again on its own,
 * so that one bad item fails only its own caller.
 */

/** Items per grouped commit at most: bounds how long one transaction holds the database. */
const MAX_GROUP = 200;

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Settles every waiting caller of `group` with the outcome of committing its item on its own. */
async function commitEachAlone<T>(
  group: readonly Waiting<T>[],
  commit: (items: readonly T[]) => Promise<void>,
): Promise<void> {
  for (const waiting of group) {
    await commit([waiting.item]).then(waiting.resolve, waiting.reject);
  }
}

/**
 * A function that commits one item through `commit` (which must apply many items in one transaction with the
 * same effect as one by one), grouping items that arrive while another commit runs. Resolves once its item is
 * committed; rejects with the error of its own commit.
 */
export function groupCommit<T>(
  commit: (items: readonly T[]) => Promise<void>,
  maxGroup = MAX_GROUP,
): (item: T) => Promise<void> {
  let waiting: Waiting<T>[] = [];
  let running = false;
  const drain = async (): Promise<void> => {
    while (waiting.length > 0) {
      const group = waiting.slice(0, maxGroup);
      waiting = waiting.slice(group.length);
      try {
        await commit(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        else await commitEachAlone(group, commit);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (running) return;
      running = true;
      // Started once the event loop has handled what else is ready now: items that arrive in the same turn (the
      // worker's sink calls of workflow tasks completed together) are committed in one transaction.
      setImmediate(() => void drain());
    });
}
