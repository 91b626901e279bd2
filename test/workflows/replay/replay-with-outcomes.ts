/**
 * Replays recorded histories against a workflow bundle that carries the outcome interceptor, and reports, per
 * history, what failed: nondeterminism (the commands differ) or outcomes (an Update answered, or the case ended,
 * with different behaviour than recorded).
 */
import {
  bundleWorkflowCode,
  DefaultLogger,
  Worker,
  type BundleOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { InjectedSinks } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { caseWorkflowBundleOptions } from '../../../worker/case-workflow-bundle';
import { LEDGER_SINKS_ON_REPLAY } from '../../../worker/ledger-sink';
import type { LedgerSinks } from '../../../workflows/ledger-sink-feed';
import type { ReplayOutcomeSinks } from './outcome-interceptor';
import { outcomeDifferences, recordedOutcomes, type CaseOutcomes } from './recorded-outcomes';

type History = temporal.api.history.v1.IHistory;

export interface NamedHistory {
  readonly name: string;
  readonly history: History;
}

/**
 * The case workflows bundled with the outcome interceptor; `replaceModule` swaps one module of the workflow code
 * for another (webpack's NormalModuleReplacementPlugin), to build a bundle with a rule changed.
 */
export function bundleForReplay(replaceModule?: ModuleReplacement): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    ...caseWorkflowBundleOptions(),
    workflowInterceptorModules: [require.resolve('./outcome-interceptor')],
    logger: new DefaultLogger('WARN'),
    ...(replaceModule ? { webpackConfigHook: replacingModule(replaceModule) } : {}),
  });
}

/** One module of the workflow code and the file that stands in for it. */
export interface ModuleReplacement {
  readonly request: RegExp;
  readonly withFile: string;
}

/** A bundle's webpack hook that swaps one module for another (webpack's NormalModuleReplacementPlugin). */
export function replacingModule({
  request,
  withFile,
}: ModuleReplacement): NonNullable<BundleOptions['webpackConfigHook']> {
  return (config) => ({
    ...config,
    plugins: [
      ...(config.plugins ?? []),
      {
        apply: (compiler) =>
          new compiler.webpack.NormalModuleReplacementPlugin(request, withFile).apply(compiler),
      },
    ],
  });
}

/** Replays each history; answers the problems found per history name (empty: replays as recorded). */
export async function replayWithOutcomes(
  bundle: WorkflowBundleWithSourceMap,
  histories: readonly NamedHistory[],
): Promise<Map<string, string[]>> {
  const replayed = new Map<string, CaseOutcomes>();
  const outcomesOf = (name: string): CaseOutcomes => {
    let found = replayed.get(name);
    if (found === undefined) replayed.set(name, (found = { updates: new Map() }));
    return found;
  };
  const sinks: InjectedSinks<ReplayOutcomeSinks & LedgerSinks> = {
    ...LEDGER_SINKS_ON_REPLAY,
    replayOutcomes: {
      update: {
        fn: (info, updateId, outcome) => void outcomesOf(info.workflowId).updates.set(updateId, outcome),
        callDuringReplay: true,
      },
      result: {
        fn: (info, value) => void (outcomesOf(info.workflowId).result = value),
        callDuringReplay: true,
      },
    },
  };
  const problems = new Map<string, string[]>(histories.map(({ name }) => [name, []]));
  const inputs = histories.map(({ name, history }) => ({ workflowId: name, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, sinks }, inputs)) {
    if (result.error) problems.get(result.workflowId)?.push(`replay: ${String(result.error)}`);
  }
  for (const { name, history } of histories) {
    const found = problems.get(name) ?? [];
    if (found.length === 0) found.push(...outcomeDifferences(recordedOutcomes(history), outcomesOf(name)));
  }
  return problems;
}

/** Only the histories that failed, with their problems. */
export function failuresOf(problems: Map<string, string[]>): Record<string, string[]> {
  return Object.fromEntries([...problems].filter(([, found]) => found.length > 0));
}
