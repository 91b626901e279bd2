/**
 * What every batch over running cases shares (a flow migration, a calendar publication): the cases it selected,
 * each case's outcome, its status and counts. Pure: the batch workflows run it.
 */

/** A case a batch selected, with its region. */
export interface SelectedCase {
  readonly caseId: string;
  readonly region: string;
}

/** What a batch carries across continue-as-new: its selection and the outcomes recorded so far. */
export interface CarriedBatch<O> {
  readonly selected: readonly SelectedCase[];
  readonly outcomes: readonly O[];
}

/** A batch's status: `selecting` its cases, working through them (`working`), `completed`. */
export function batchStatus<W extends string>(
  selected: readonly SelectedCase[] | undefined,
  done: number,
  working: W,
): 'selecting' | W | 'completed' {
  if (selected === undefined) return 'selecting';
  return done < selected.length ? working : 'completed';
}

/** How many outcomes of each kind, every kind present (0 when none). */
export function countOutcomes<K extends string>(
  outcomes: readonly { readonly outcome: K }[],
  kinds: readonly K[],
): Record<K, number> {
  const counts = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return counts;
}
