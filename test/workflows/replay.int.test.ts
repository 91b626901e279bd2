/**
 * Every recorded history of every release (test/helpers/recorded-histories.ts) replays against the current
 * workflow code with the same commands and the same outcomes, and replay fails as it should when a history or
 * an engine rule is changed (docs/architecture.md, "Changing the interpreter without breaking running cases").
 */
import path from 'node:path';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJsonText, historyToJsonText } from '../helpers/history-json';
import { serviceData, flowFromYaml } from '../helpers/case-fixtures';
import { RECORDED_FLOWS, scenariosFor } from '../helpers/history-scenarios';
import {
  CURRENT_RELEASE,
  listRecordedHistories,
  readRecordedHistory,
  type RecordedHistoryFile,
} from '../helpers/recorded-histories';
import { installQuietRuntime } from '../helpers/temporal-test-env';
import {
  bundleForReplay,
  failuresOf,
  replayWithOutcomes,
  type NamedHistory,
} from './replay/replay-with-outcomes';

const REWORK_BRANCH = `${CURRENT_RELEASE}/test.rework-branch/rework-twice.json`;
const REWORK_LINEAR = `${CURRENT_RELEASE}/urban.exposed-garbage/rework-twice.json`;

describe('recorded histories', () => {
  let files: RecordedHistoryFile[];
  let histories: NamedHistory[];
  let bundle: WorkflowBundleWithSourceMap;
  let flipped: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installQuietRuntime();
    files = await listRecordedHistories();
    histories = await Promise.all(
      files.map(async ({ name }) => ({ name, history: await readRecordedHistory(name) })),
    );
    [bundle, flipped] = await Promise.all([
      bundleForReplay(),
      bundleForReplay({
        request: /\/engine-behaviour-changes$/,
        withFile: path.resolve(__dirname, 'replay', 'flipped-behaviour-changes.ts'),
      }),
    ]);
  }, 120_000);

  const named = (name: string): NamedHistory => {
    const found = histories.find((h) => h.name === name);
    if (found === undefined) throw new Error(`no recorded history ${name}`);
    return found;
  };

  it('holds, for the current release, every scenario on every flow that supports it (npm run histories:record)', async () => {
    const data = await serviceData();
    const expected: string[] = [];
    for (const [flowId, recorded] of Object.entries(RECORDED_FLOWS)) {
      const flow = recorded.yaml ? await flowFromYaml(recorded.yaml) : data.flows.get(flowId);
      if (flow === undefined) throw new Error(`no flow ${flowId}`);
      for (const scenario of scenariosFor(flow, recorded)) expected.push(`${flowId}/${scenario.name}`);
    }
    const recordedNow = files
      .filter((file) => file.release === CURRENT_RELEASE && file.run === 1)
      .map((file) => `${file.flowId}/${file.scenario}`);
    expect(recordedNow.sort()).toEqual(expected.sort());
    // Releases before: each keeps what it recorded.
    expect(new Set(files.map((file) => file.release)).size).toBeGreaterThan(1);
  });

  it('replays every history of every release with the same commands, Update outcomes and result', async () => {
    const problems = await replayWithOutcomes(bundle, histories);
    expect(failuresOf(problems)).toEqual({});
    expect(problems.size).toBe(files.length);
  });

  it('reports an Update that answers differently, even when the commands are the same', async () => {
    const original = named(`${CURRENT_RELEASE}/urban.exposed-garbage/happy-path.json`);
    const tampered = historyFromJsonText(historyToJsonText(original.history));
    const completed = tampered.events?.find(
      (e) => e.workflowExecutionUpdateCompletedEventAttributes,
    )?.workflowExecutionUpdateCompletedEventAttributes;
    const payload = completed?.outcome?.success?.payloads?.[0];
    if (!payload) throw new Error('no completed Update in the history');
    const view = defaultPayloadConverter.fromPayload<{ steps: { round: number }[] }>({
      metadata: payload.metadata ?? {},
      data: payload.data ?? undefined,
    });
    view.steps[0]!.round += 1;
    payload.data = defaultPayloadConverter.toPayload(view).data;
    const problems = await replayWithOutcomes(bundle, [{ name: 'tampered', history: tampered }]);
    expect(problems.get('tampered')).toEqual([expect.stringMatching(/^update .*\.round: \d+ → \d+$/)]);
  });

  it('fails on a history whose commands the code would not issue', async () => {
    const text = historyToJsonText(named(`${CURRENT_RELEASE}/urban.exposed-garbage/happy-path.json`).history);
    const tampered = text.replace('"name": "callDepartmentSystem"', '"name": "callSomeOtherSystem"');
    expect(tampered).not.toBe(text);
    const problems = await replayWithOutcomes(bundle, [
      { name: 'tampered', history: historyFromJsonText(tampered) },
    ]);
    expect(problems.get('tampered')).toEqual([expect.stringMatching(/^replay: DeterminismViolationError/)]);
  });

  it('fails a rework recorded on revision 1 when the rule changes without a new engine revision', async () => {
    const problems = await replayWithOutcomes(flipped, [named(REWORK_BRANCH), named(REWORK_LINEAR)]);
    const found = problems.get(REWORK_BRANCH) ?? [];
    // The old rule leaves the parallel branch (archive-photos) in its first round. Nothing in this flow
    // schedules differently, so the commands replay as recorded: only the outcomes show the change.
    expect(found.filter((problem) => problem.startsWith('replay:'))).toEqual([]);
    expect(found).toContainEqual(expect.stringMatching(/\.steps\.archive-photos\.round: \d+ → 1$/));
    // On a linear flow the two rules rerun the same steps: that history replays under either.
    expect(problems.get(REWORK_LINEAR)).toEqual([]);
  });
});
