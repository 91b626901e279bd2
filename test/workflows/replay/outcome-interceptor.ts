/**
 * Workflow interceptors bundled only into the replay tests' workflow bundle: they report what the replayed code
 * answers to each Update, and the workflow's result, through a sink that runs during replay, so that the test
 * can compare them with the outcomes recorded in the history (recorded-outcomes.ts).
 */
import {
  ApplicationFailure,
  proxySinks,
  type Sinks,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';

/** What an Update answered: its value, or the type of its failure. */
export type UpdateOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly failure: string };

export interface ReplayOutcomeSinks extends Sinks {
  replayOutcomes: {
    update(updateId: string, outcome: UpdateOutcome): void;
    result(value: unknown): void;
  };
}

const { replayOutcomes } = proxySinks<ReplayOutcomeSinks>();

function failureType(error: unknown): string {
  if (error instanceof ApplicationFailure) return error.type ?? 'ApplicationFailure';
  return error instanceof Error ? error.name : String(error);
}

/**
 * The interceptors hand back the very promise of the handler (and of the workflow), observing it on the side: an
 * extra `await` here would settle the Update a microtask later, after commands the workflow issues meanwhile,
 * and replay would report nondeterminism that the workflow does not have.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      handleUpdate(input, next) {
        const answer = next(input);
        answer.then(
          (value) => replayOutcomes.update(input.updateId, { ok: true, value }),
          (error: unknown) =>
            replayOutcomes.update(input.updateId, { ok: false, failure: failureType(error) }),
        );
        return answer;
      },
      execute(input, next) {
        const result = next(input);
        result.then(
          (value) => replayOutcomes.result(value),
          () => undefined, // continue-as-new, or a failure replay reports itself
        );
        return result;
      },
    },
  ],
});
