/**
 * What both sides' drivers share: a case is started, then its levels are completed one after the other (each level
 * read first, its tasks completed in parallel), and it must be closed by the answers to the last level.
 */
import type { BenchPlan, PlannedTask } from '../harness/bench-plan';
import type { CaseDriver, LoadRecorder } from './load-runner';

export interface LevelledCase<Answer> {
  /** The case (or workflow) id of case number `index`; unique per run. */
  readonly caseIdOf: (index: number) => string;
  readonly workflowIdOf: (caseId: string) => string;
  readonly start: (caseId: string, record: LoadRecorder) => Promise<void>;
  /** Reads the case (`GET /v1/cases/{id}`, or the Query): answered once its first workflow task has run. */
  readonly read: (caseId: string, record: LoadRecorder) => Promise<unknown>;
  /** Reads the case, checks that `level` is what is open, completes it; the answers of the completions. */
  readonly completeLevel: (
    caseId: string,
    level: readonly PlannedTask[],
    record: LoadRecorder,
  ) => Promise<readonly Answer[]>;
  /** Whether an answer says the case is closed. */
  readonly closed: (answer: Answer) => boolean;
}

/** `a,b,c` of the ids, to compare what is open with the plan. */
export const idList = (items: readonly { readonly id: string }[]): string =>
  items.map((item) => item.id).join();

export function levelledDriver<Answer>(plan: BenchPlan, kase: LevelledCase<Answer>): CaseDriver {
  return {
    workflowId: (index) => kase.workflowIdOf(kase.caseIdOf(index)),
    open: (index, record) => timed(() => kase.start(kase.caseIdOf(index), record), record.start),
    async started(index, record) {
      await kase.read(kase.caseIdOf(index), record);
    },
    async completeFirstLevel(index, record) {
      await kase.completeLevel(kase.caseIdOf(index), plan.levels[0]!, record);
    },
    async run(index, record) {
      const caseId = kase.caseIdOf(index);
      await timed(() => kase.start(caseId, record), record.start);
      let answers: readonly Answer[] = [];
      for (const level of plan.levels) answers = await kase.completeLevel(caseId, level, record);
      if (!answers.some(kase.closed)) throw new Error(`${caseId}: not closed after the last level`);
    },
  };
}

/** Runs `call` and tells `report` how long it took. */
export async function timed<T>(call: () => Promise<T>, report: (ms: number) => void): Promise<T> {
  const started = performance.now();
  const result = await call();
  report(performance.now() - started);
  return result;
}
