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
import { BATCH_HISTORY_SCENARIOS } from '../helpers/batch-history-scenarios';
import { RECORDED_FLOWS, scenariosFor } from '../helpers/history-scenarios';
import {
  CURRENT_RELEASE,
  listRecordedHistories,
  readRecordedHistory,
  type RecordedHistoryFile,
} from '../helpers/recorded-histories';
import { expectWarning, installQuietRuntime } from '../helpers/temporal-test-env';
import { shellCommandsOf } from '../helpers/history-shape';
import type { CalendarRevisionReport } from '../../workflows/engine/calendar-revision/calendar-revision-model';
import type { MigrationPlan } from '../../workflows/engine/migration';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { formatInstant } from '../../workflows/engine/time/instants';
import {
  bundleForReplay,
  failuresOf,
  replayWithOutcomes,
  type NamedHistory,
} from './replay/replay-with-outcomes';

const REWORK_BRANCH = `${CURRENT_RELEASE}/test.rework-branch/rework-twice.json`;
const REWORK_LINEAR = `${CURRENT_RELEASE}/urban.exposed-garbage/rework-twice.json`;
const MIGRATED = `${CURRENT_RELEASE}/fixture.street-litter/migrated-to-next-version.json`;
const REVISED = `${CURRENT_RELEASE}/business.startup/calendar-revised.json`;
/** The same flow's happy path on engine revision 3 (with one ledger write sent to the fallback) and on 4. */
const STARTUP_REVISION_3 = `${CURRENT_RELEASE}/business.startup/ledger-write-falls-back.json`;
const STARTUP_REVISION_4 = `${CURRENT_RELEASE}/business.startup/parallel-tasks-complete.json`;
/** The same moves recorded before revision 3 (every patch asked) and on 5 (stable search attributes). */
const EMERGENCY_BEFORE_3 = `${CURRENT_RELEASE}/urban.missing-manhole-cover/emergency-opened-raised-closed.json`;
const EMERGENCY_REVISION_5 = `${CURRENT_RELEASE}/urban.missing-manhole-cover/stable-search-attributes.json`;
/** The same moves again, started as the API starts a case since session 7: start instant and search attributes pinned. */
const EMERGENCY_STARTED_AT_INTAKE = `${CURRENT_RELEASE}/urban.missing-manhole-cover/started-at-intake.json`;
/** The search attributes a revision-5 case no longer keeps. */
const PER_TRANSITION = ['FcDepartments', 'FcLastProgressAt', 'FcNextDueAt', 'FcWaitingOn'];

// Tampered histories fail replay on purpose; every replay's failures are asserted from its results. (SDK 1.24 drops
// the core warning of a replay worker anyway; this keeps it out should a later SDK forward it.)
expectWarning('Failing workflow task');

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

  it('holds, for the current release, every scenario on every flow that supports it and each batch (npm run histories:record)', async () => {
    const data = await serviceData();
    const expected: string[] = [];
    for (const [flowId, recorded] of Object.entries(RECORDED_FLOWS)) {
      const flow = recorded.yaml ? await flowFromYaml(recorded.yaml) : data.flows.get(flowId);
      if (flow === undefined) throw new Error(`no flow ${flowId}`);
      for (const scenario of scenariosFor(flow, recorded)) expected.push(`${flowId}/${scenario.name}`);
    }
    for (const batch of BATCH_HISTORY_SCENARIOS) expected.push(`${batch.workflowType}/${batch.name}`);
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

  /** The history with the answer of its first completed Update that has `key` changed by `change`. */
  function withAnswerChanged<T>(
    original: NamedHistory,
    key: string,
    change: (value: T) => void,
  ): NamedHistory {
    const tampered = historyFromJsonText(historyToJsonText(original.history));
    for (const event of tampered.events ?? []) {
      const payload = event.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads?.[0];
      if (!payload) continue;
      const value = defaultPayloadConverter.fromPayload<Record<string, unknown>>({
        metadata: payload.metadata ?? {},
        data: payload.data ?? undefined,
      });
      if (!(key in value)) continue;
      change(value as T);
      payload.data = defaultPayloadConverter.toPayload(value).data;
      return { name: 'tampered', history: tampered };
    }
    throw new Error(`no such completed Update in ${original.name}`);
  }

  /** The first item that passes `test`; the recorded answer must have one. */
  function firstWhere<T>(items: readonly T[], test: (item: T) => boolean): T {
    const found = items.find(test);
    if (found === undefined) throw new Error('the recorded answer has no such item');
    return found;
  }

  // Both replay with their own commands (above): these are the commands each revision's shell issues.
  it('keeps a revision-3 case restarting its timer and upserting every key, where revision 4 keeps an unchanged timer and upserts changed keys', () => {
    const revision3 = shellCommandsOf(named(STARTUP_REVISION_3).history.events ?? []);
    const revision4 = shellCommandsOf(named(STARTUP_REVISION_4).history.events ?? []);
    expect(revision3.timersCanceled).toBe(revision3.timersStarted);
    expect(revision3.upsertedKeys.every((keys) => keys.length === 14)).toBe(true);
    expect(revision4.timersStarted).toBeLessThan(revision3.timersStarted);
    expect(revision4.upsertedKeys).toHaveLength(revision3.upsertedKeys.length);
    expect(revision4.upsertedKeys[0]).toHaveLength(14);
    for (const keys of revision4.upsertedKeys.slice(1)) expect(keys.length).toBeLessThan(14);
  });

  it('keeps an older case upserting every key on each transition, where revision 5 upserts the stable keys when they change', () => {
    const older = shellCommandsOf(named(EMERGENCY_BEFORE_3).history.events ?? []);
    const revision5 = shellCommandsOf(named(EMERGENCY_REVISION_5).history.events ?? []);
    for (const keys of older.upsertedKeys) expect(keys).toEqual(expect.arrayContaining(PER_TRANSITION));
    expect(revision5.upsertedKeys.length).toBeLessThan(older.upsertedKeys.length);
    // The API's start set flow, version, region, priority and status: the first upsert carries the rest.
    expect(revision5.upsertedKeys[0]).toEqual(['FcEmergencyLevel', 'FcIncident', 'FcOverdue', 'FcStage']);
    for (const keys of revision5.upsertedKeys) {
      for (const key of PER_TRANSITION) expect(keys).not.toContain(key);
    }
    expect(revision5.upsertedKeys.at(-1)).toEqual(['FcStage', 'FcStatus']);
  });

  it('starts a case at the instant its starter pinned, with nothing to upsert in its first workflow task, where a case started before upserts its stage there', () => {
    const events = named(EMERGENCY_STARTED_AT_INTAKE).history.events ?? [];
    const started = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = defaultPayloadConverter.fromPayload<{
      startedAt?: number;
      case: { calendar: { timezone: string } };
    }>(started ?? {});
    expect(input.startedAt).toEqual(expect.any(Number));
    // The case's own record of when it started is that instant (its final view, the workflow's result).
    const completed = events.at(-1)?.workflowExecutionCompletedEventAttributes?.result?.payloads?.[0];
    const view = defaultPayloadConverter.fromPayload<CaseView>(completed ?? {});
    expect(view.createdAt).toBe(formatInstant(input.startedAt!, input.case.calendar.timezone));
    const before = shellCommandsOf(named(EMERGENCY_REVISION_5).history.events ?? []);
    const pinned = shellCommandsOf(events);
    expect(before.upsertedKeys[0]).toContain('FcStage');
    expect(pinned.upsertedKeys).toEqual(before.upsertedKeys.slice(1));
  });

  it('reports an Update that answers differently, even when the commands are the same', async () => {
    const tampered = withAnswerChanged<{ steps: { round: number }[] }>(
      named(`${CURRENT_RELEASE}/urban.exposed-garbage/happy-path.json`),
      'steps',
      (view) => void (view.steps[0]!.round += 1),
    );
    const problems = await replayWithOutcomes(bundle, [tampered]);
    expect(problems.get('tampered')).toEqual([expect.stringMatching(/^update .*\.round: \d+ → \d+$/)]);
  });

  it('reports a migration plan or a calendar revision that decides differently', async () => {
    const migration = withAnswerChanged<MigrationPlan>(named(MIGRATED), 'applied', (plan) => {
      Object.assign(
        firstWhere(plan.steps, (step) => step.decision === 'move'),
        { decision: 'keep' },
      );
    });
    const revision = withAnswerChanged<CalendarRevisionReport>(named(REVISED), 'toRevision', (report) => {
      const moved = firstWhere(report.deadlines, (deadline) => deadline.decision === 'moved');
      Object.assign(moved, { to: moved.to + 60_000 });
    });
    expect((await replayWithOutcomes(bundle, [migration])).get('tampered')).toEqual([
      expect.stringMatching(/^update .*\.steps\.\d+\.decision: "keep" → "move"$/),
    ]);
    expect((await replayWithOutcomes(bundle, [revision])).get('tampered')).toEqual([
      expect.stringMatching(/^update .*\.deadlines\..+\.to: \d+ → \d+$/),
    ]);
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
