/**
 * What `npm run histories:record` records for a release: each scenario on each flow that supports it. A scenario
 * is a small function over the case driver (test/helpers/case-driver.ts): start the case, act as departments and
 * supervisors would, end. The flows are the reference flows of flows/ plus flows written to pin an engine rule
 * that no reference flow shows (the rework of a parallel branch).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { DateTime } from 'luxon';
import { isDeepStrictEqual } from 'node:util';
import { migrationRequestFor } from '../../api/cases/build-migration';
import { keyedAction } from '../../api/actions/idempotency-key';
import type { Actor } from '../../workflows/engine/case-input';
import type { CalendarRevision } from '../../workflows/engine/calendar-revision/calendar-revision-model';
import type { CaseView } from '../../workflows/engine/case';
import type { Flow, Step, TaskException, TaskStep } from '../../workflows/engine/flow-model';
import {
  CASE_ACTION_UPDATES,
  reviseCalendarUpdate,
  type CaseWorkflowOptions,
} from '../../workflows/messages';
import { flowFromYaml, serviceData } from './case-fixtures';
import {
  SUPERVISOR,
  VISITOR,
  completeStep,
  departmentActor,
  driveToClosure,
  driveUntil,
  happyResult,
  isOpenTask,
  stepOf,
  waitForView,
  type startCaseWorkflow,
  type DriveOptions,
} from './case-driver';
import type { DepartmentSystemsStub } from './department-systems-stub';
import type { RefusingLedgerWriter } from './refusing-ledger-writer';
import { REFERENCE_CASES, type ReferenceCase } from './reference-cases';
import { PARALLEL_TASKS_FLOW, REWORK_BRANCH_FLOW } from './scenario-flow';

/** A flow histories are recorded for: its start fields and happy results, and (for test flows) its YAML. */
export interface RecordedFlow extends ReferenceCase {
  /** A flow written for the histories (validated like the shipped ones); absent: the reference flow. */
  readonly yaml?: string;
  /** Only these scenarios; absent: every scenario the flow supports (opt-in scenarios excepted). */
  readonly scenarios?: readonly string[];
  /** The flow's next version (YAML) and how its steps map, for the migration scenario. */
  readonly nextVersion?: { readonly yaml: string; readonly stepMapping: Readonly<Record<string, string>> };
  /** The step the migration scenario migrates the case at (while it runs). */
  readonly migrateAt?: string;
}

/** A fixture flow of test/fixtures/flows/<folder> (claim-rework: limits of seconds, so that recording need not wait). */
const fixtureFlow = (...parts: string[]): string =>
  readFileSync(path.join(__dirname, '..', 'fixtures', 'flows', ...parts), 'utf8');

export const RECORDED_FLOWS: Readonly<Record<string, RecordedFlow>> = {
  ...REFERENCE_CASES,
  'test.rework-branch': {
    yaml: REWORK_BRANCH_FLOW,
    fields: {
      flowId: 'test.rework-branch',
      region: '440104001001001',
      data: { address: '越秀区北京路 1 号' },
    },
    completed: ['handle', 'archive-photos', 'check', 'close'],
    scenarios: ['rework-twice'],
  },
  'test.parallel-tasks': {
    yaml: PARALLEL_TASKS_FLOW,
    fields: {
      flowId: 'test.parallel-tasks',
      region: '440104001001001',
      data: { address: '越秀区北京路 1 号' },
    },
    completed: ['accept', 'seal', 'tax', 'insurance', 'register'],
    // continue-as-new-idempotency recorded on engine revision 5: a continued run's first upsert compares with
    // what that run started with.
    // idempotency-key-reused from engine revision 8 (0.2.0 on): a keyed completion repeated with the same and
    // another body, within the run and after continue-as-new.
    scenarios: ['parallel-tasks-complete', 'continue-as-new-idempotency', 'idempotency-key-reused'],
  },
  'fixture.claim-limit': {
    yaml: fixtureFlow('claim-rework', 'claim-limit.yaml'),
    fields: {
      flowId: 'fixture.claim-limit',
      region: '440104001001001',
      data: { address: '越秀区北京路 1 号' },
    },
    completed: ['handle', 'tell'],
    scenarios: ['claim-overdue-escalated'],
  },
  'fixture.rework-decision': {
    yaml: fixtureFlow('claim-rework', 'rework-decision.yaml'),
    fields: {
      flowId: 'fixture.rework-decision',
      region: '440104001001001',
      data: { address: '越秀区北京路 1 号' },
    },
    completed: ['handle', 'check', 'tell'],
    scenarios: ['rework-decided-another-round', 'rework-decided-reassign', 'rework-decided-close-unresolved'],
  },
  // Version 1 of the migration fixture (docs/migration.md), migrated to version 2 while `handle` runs.
  'fixture.street-litter': {
    yaml: fixtureFlow('migration', 'street-litter-v1.yaml'),
    fields: {
      flowId: 'fixture.street-litter',
      region: '440104001001001',
      data: { address: '越秀区北京路 1 号' },
    },
    completed: ['verify', 'handle', 'check'],
    scenarios: ['migrated-to-next-version'],
    nextVersion: {
      yaml: fixtureFlow('migration', 'street-litter-v2.yaml'),
      stepMapping: { handle: 'clean-up' },
    },
    migrateAt: 'handle',
  },
};

/** A started case: its handle follows continue-as-new, and knows its first run. */
export type StartedCase = Awaited<ReturnType<typeof startCaseWorkflow>>;

/** One case being recorded. */
export interface ScenarioCase {
  readonly client: Client;
  readonly caseId: string;
  readonly flow: Flow;
  readonly recorded: RecordedFlow;
  readonly systems: DepartmentSystemsStub;
  /** The worker's ledger, which can be down for the case. */
  readonly ledger: Pick<RefusingLedgerWriter, 'refuse'>;
  /** Starts the case (with the scenario's options). */
  start(): Promise<StartedCase>;
}

export interface HistoryScenario {
  readonly name: string;
  /** Recorded only for flows that list it in `scenarios` (it needs a flow written for it). */
  readonly optIn?: true;
  /** Whether the flow has what the scenario exercises. */
  readonly appliesTo: (flow: Flow, recorded: RecordedFlow) => boolean;
  readonly options?: CaseWorkflowOptions;
  /** Runs the case to its end (closed, cancelled); returns its handle. */
  readonly run: (c: ScenarioCase) => Promise<StartedCase>;
}

const DAY = 24 * 60 * 60 * 1000;
const DESIGNER: Actor = { sub: 'designer-1', role: 'designer' };
const CALENDAR_ADMIN: Actor = { sub: 'admin-calendars', role: 'admin' };
const drive = (c: ScenarioCase): DriveOptions => (c.recorded.results ? { results: c.recorded.results } : {});
const isRunning = (stepId: string) => (view: CaseView) => isOpenTask(stepOf(view, stepId));
const hasOpenTask = (view: CaseView): boolean => view.steps.some(isOpenTask);
const assignee = (view: CaseView, stepId: string) =>
  departmentActor(stepOf(view, stepId).assignee?.department ?? 'unassigned');

/**
 * The next published revision of the loaded calendar `name`, which makes the next three local dates holidays:
 * deadlines counted through them, still ahead, move (docs/calendar-revisions.md).
 */
export async function revisionWithDaysOff(name: string): Promise<CalendarRevision> {
  const calendar = required((await serviceData()).calendars.get(name), `loaded calendar ${name}`);
  const today = DateTime.now().setZone(calendar.timezone);
  const days = [1, 2, 3].map((n) => today.plus({ days: n }).toISODate() ?? '');
  return {
    calendar: {
      ...calendar,
      holidays: [...calendar.holidays, ...days.filter((day) => !calendar.holidays.includes(day))],
      revision: (calendar.revision ?? 0) + 1,
    },
    publishedBy: CALENDAR_ADMIN,
    publishedAt: Date.now(),
  };
}

/** The first task on the flow's happy path that allows `exception`. */
function taskAllowing(flow: Flow, recorded: RecordedFlow, exception: TaskException): TaskStep | undefined {
  return flow.steps.find(
    (step): step is TaskStep =>
      step.kind === 'task' && step.allow.includes(exception) && recorded.completed.includes(step.id),
  );
}

const reworkStep = (flow: Flow, recorded: RecordedFlow): TaskStep | undefined =>
  flow.steps.find(
    (step): step is TaskStep =>
      step.kind === 'task' && step.rework !== undefined && recorded.completed.includes(step.id),
  );

/** The first task on the flow's happy path whose form declares fields. */
const formTask = (flow: Flow, recorded: RecordedFlow): TaskStep | undefined =>
  flow.steps.find(
    (step): step is TaskStep =>
      step.kind === 'task' && Object.keys(step.form).length > 0 && recorded.completed.includes(step.id),
  );

const serviceStep = (flow: Flow, recorded: RecordedFlow): Extract<Step, { kind: 'service' }> | undefined =>
  flow.steps.find(
    (step): step is Extract<Step, { kind: 'service' }> =>
      step.kind === 'service' && recorded.completed.includes(step.id),
  );

/** Whether two tasks on the happy path wait for the same steps (and so run side by side). */
function hasParallelTasks(flow: Flow, recorded: RecordedFlow): boolean {
  const waits = flow.steps
    .filter((step) => step.kind === 'task' && recorded.completed.includes(step.id))
    .map((step) => JSON.stringify(step.after));
  return new Set(waits).size < waits.length;
}

export const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the flow has no ${what}`);
  return value;
};

/** Completes the rework step `rounds` times, round by round, with a result its rework rejects. */
async function failRework(
  c: ScenarioCase,
  handle: StartedCase,
  step: TaskStep,
  rounds: number,
): Promise<void> {
  // The reference flows' rework conditions test a boolean of the form (`!result.fixed`).
  const failing = Object.fromEntries(
    Object.entries(happyResult(step.form)).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? !value : value,
    ]),
  );
  for (let round = 1; round <= rounds; round += 1) {
    const view = await driveUntil(
      handle,
      c.flow,
      (v) => isRunning(step.id)(v) && stepOf(v, step.id).round === round,
      drive(c),
    );
    await completeStep(handle, c.flow, stepOf(view, step.id), failing);
  }
}

/** Starts the case, runs the scenario's exceptional part (`before`), then drives the case to closure. */
async function runThrough(
  c: ScenarioCase,
  before: (handle: StartedCase) => Promise<void>,
): Promise<StartedCase> {
  const handle = await c.start();
  await before(handle);
  await driveToClosure(handle, c.flow, drive(c));
  return handle;
}

export const HISTORY_SCENARIOS: readonly HistoryScenario[] = [
  {
    name: 'happy-path',
    appliesTo: () => true,
    run: (c) => runThrough(c, () => Promise.resolve()),
  },
  {
    // The ledger refuses the case's first write: (from engine revision 3) its local attempt fails, the regular
    // activity takes the batch, and once it has landed the writes are local again.
    name: 'ledger-write-falls-back',
    appliesTo: () => true,
    run: (c) => {
      c.ledger.refuse(c.caseId, 1);
      return runThrough(c, () => Promise.resolve());
    },
  },
  {
    // Engine revision 6: the ledger refuses the case's first write, which went through the worker's sink; the
    // sink's `ledgerResend` signal has the regular activity write it, and the sink carries the writes after it. The
    // case continues as new (its run's backstop write through a local activity) and closes (its closing write).
    name: 'ledger-sink-resends',
    appliesTo: () => true,
    options: { historyEventLimit: 40 },
    run: (c) => {
      c.ledger.refuse(c.caseId, 1);
      return runThrough(c, () => Promise.resolve());
    },
  },
  {
    // Engine revision 4: a parallel task's completion that leaves the next wake where it was keeps the loop's
    // timer, and each search attribute upsert carries only the keys that changed.
    name: 'parallel-tasks-complete',
    appliesTo: (flow, recorded) => hasParallelTasks(flow, recorded),
    run: (c) => runThrough(c, () => Promise.resolve()),
  },
  {
    name: 'return-and-redispatch',
    appliesTo: (flow, recorded) => taskAllowing(flow, recorded, 'return') !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        const step = required(taskAllowing(c.flow, c.recorded, 'return'), 'step that allows return');
        const view = await driveUntil(handle, c.flow, isRunning(step.id), drive(c));
        await handle.executeUpdate(CASE_ACTION_UPDATES.return, {
          args: [
            { actor: assignee(view, step.id), stepId: step.id, reason: 'wrong-area', note: '不属本单位' },
          ],
        });
      }),
  },
  {
    name: 'extension-approved-and-refused',
    appliesTo: (flow, recorded) => taskAllowing(flow, recorded, 'extension') !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        const step = required(taskAllowing(c.flow, c.recorded, 'extension'), 'step that allows extension');
        let view = await driveUntil(handle, c.flow, isRunning(step.id), drive(c));
        const actor = assignee(view, step.id);
        if (stepOf(view, step.id).dueAt === undefined) {
          view = await handle.executeUpdate(CASE_ACTION_UPDATES.claim, {
            args: [{ actor, stepId: step.id }],
          });
        }
        const due = Date.parse(required(stepOf(view, step.id).dueAt, 'deadline on the step'));
        for (const [days, approve] of [
          [1, true],
          [2, false],
        ] as const) {
          await handle.executeUpdate(CASE_ACTION_UPDATES.requestExtension, {
            args: [{ actor, stepId: step.id, until: due + days * DAY, reason: '需协调相关单位' }],
          });
          await handle.executeUpdate(CASE_ACTION_UPDATES.decideExtension, {
            args: [{ actor: SUPERVISOR, stepId: step.id, approve, note: approve ? '同意' : '不予延期' }],
          });
        }
      }),
  },
  {
    name: 'park',
    appliesTo: (flow, recorded) => taskAllowing(flow, recorded, 'park') !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        const step = required(taskAllowing(c.flow, c.recorded, 'park'), 'step that allows park');
        const view = await driveUntil(handle, c.flow, isRunning(step.id), drive(c));
        await handle.executeUpdate(CASE_ACTION_UPDATES.requestPark, {
          args: [{ actor: assignee(view, step.id), stepId: step.id, reason: '需市级协调，暂时挂账' }],
        });
        await handle.executeUpdate(CASE_ACTION_UPDATES.decidePark, {
          args: [{ actor: SUPERVISOR, stepId: step.id, approve: true }],
        });
      }),
  },
  {
    name: 'rework-twice',
    appliesTo: (flow, recorded) => reworkStep(flow, recorded) !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        const step = required(reworkStep(c.flow, c.recorded), 'step with rework');
        await failRework(c, handle, step, 2);
      }),
  },
  {
    name: 'suspension-and-resume',
    appliesTo: () => true,
    run: (c) =>
      runThrough(c, async (handle) => {
        await driveUntil(handle, c.flow, hasOpenTask, drive(c));
        await handle.executeUpdate(CASE_ACTION_UPDATES.suspend, {
          args: [{ actor: SUPERVISOR, reason: '等待市民补充材料' }],
        });
        await handle.executeUpdate(CASE_ACTION_UPDATES.resume, {
          args: [{ actor: SUPERVISOR, reason: '材料已补充' }],
        });
      }),
  },
  {
    name: 'emergency-opened-raised-closed',
    appliesTo: hasEmergencySteps,
    run: emergencyOpenedRaisedClosed,
  },
  {
    // Engine revision 5: the same moves, recorded on it. Visibility carries what identifies the case and its coarse
    // position (stage emergency and back, the emergency level, closure), not the keys that move per transition,
    // and the first upsert leaves out what the case was started with.
    name: 'stable-search-attributes',
    appliesTo: hasEmergencySteps,
    run: emergencyOpenedRaisedClosed,
  },
  {
    // Since session 7 the starter (the API, test/helpers/case-driver.ts) pins the start instant (`startedAt`) and
    // starts the case with every stable search attribute: the case starts at that instant, and its first workflow
    // task has nothing to upsert. The same moves as `stable-search-attributes`, recorded before it did.
    name: 'started-at-intake',
    appliesTo: hasEmergencySteps,
    run: emergencyOpenedRaisedClosed,
  },
  {
    // Engine revision 7 (formFieldsByOwnName): a result that names a property every object has (`constructor`) is
    // refused as no field of the form, by the Update's validator (so nothing of it is in the history); the same
    // department then completes the task and the case goes on. The history pins a case started on revision 7.
    name: 'form-fields-by-own-name',
    appliesTo: (flow, recorded) => formTask(flow, recorded) !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        const step = required(formTask(c.flow, c.recorded), 'task with a form');
        const view = await driveUntil(handle, c.flow, isRunning(step.id), drive(c));
        const result = { ...happyResult(step.form), constructor: '网格员' };
        const refused = await completeStep(handle, c.flow, stepOf(view, step.id), result).then(
          () => false,
          () => true,
        );
        if (!refused) throw new Error(`a result with 'constructor' was accepted on step ${step.id}`);
      }),
  },
  {
    name: 'incident-then-retry',
    appliesTo: (flow, recorded) => serviceStep(flow, recorded) !== undefined,
    run: async (c) => {
      const step = required(serviceStep(c.flow, c.recorded), 'service step');
      let fixed = false;
      c.systems.respond(step.call.operation, (call) =>
        call.body.caseId === c.caseId && !fixed
          ? { status: 400, body: { error: '网格编码无效' } }
          : undefined,
      );
      try {
        return await runThrough(c, async (handle) => {
          await driveUntil(handle, c.flow, (v) => stepOf(v, step.id).incident !== undefined, drive(c));
          fixed = true;
          await handle.executeUpdate(CASE_ACTION_UPDATES.retry, {
            args: [{ actor: SUPERVISOR, stepId: step.id }],
          });
        });
      } finally {
        c.systems.respond(step.call.operation, undefined);
      }
    },
  },
  {
    name: 'unsatisfied-feedback-redo',
    appliesTo: (flow) => flow.review?.reworkOnUnsatisfied !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        await driveUntil(handle, c.flow, (v) => v.review?.status === 'open', drive(c));
        await handle.executeUpdate(CASE_ACTION_UPDATES.feedback, {
          args: [
            {
              actor: VISITOR,
              satisfaction: 'unsatisfied',
              resolved: false,
              fault: 'department',
              comment: '问题仍在',
            },
          ],
        });
      }),
  },
  {
    name: 'claim-overdue-escalated',
    optIn: true,
    appliesTo: (flow) =>
      flow.steps.some((step) => step.kind === 'task' && step.sla?.claimWithin !== undefined),
    run: (c) =>
      runThrough(c, async (handle) => {
        // Nobody claims until the claim limit passed and its last rung (escalate) fired.
        await waitForView(
          handle,
          (view) =>
            view.steps.some((step) => step.claimOverdue === true) && (view.metrics?.escalations ?? 0) > 0,
        );
      }),
  },
  ...(['another-round', 'reassign', 'close-unresolved'] as const).map(
    (decision): HistoryScenario => ({
      name: `rework-decided-${decision}`,
      optIn: true,
      appliesTo: (flow) =>
        flow.steps.some((step) => step.kind === 'task' && step.rework?.onExceeded === 'decide'),
      run: async (c) => {
        const handle = await c.start();
        const step = required(reworkStep(c.flow, c.recorded), 'step with rework');
        await failRework(c, handle, step, (step.rework?.max ?? 0) + 1);
        await waitForView(handle, (view) => stepOf(view, step.id).reworkDecision !== undefined);
        await handle.executeUpdate(CASE_ACTION_UPDATES.decideRework, {
          args: [
            {
              actor: SUPERVISOR,
              stepId: step.id,
              decision,
              ...(decision === 'reassign' ? { department: 'yuexiu-government' } : {}),
              note: '裁决',
            },
          ],
        });
        if (decision !== 'close-unresolved') await driveToClosure(handle, c.flow, drive(c));
        await handle.result();
        return handle;
      },
    }),
  ),
  {
    name: 'migrated-to-next-version',
    appliesTo: (_flow, recorded) => recorded.nextVersion !== undefined && recorded.migrateAt !== undefined,
    run: async (c) => {
      const next = required(c.recorded.nextVersion, 'next version');
      const stepId = required(c.recorded.migrateAt, 'step to migrate at');
      const target = await flowFromYaml(next.yaml);
      const handle = await c.start();
      const view = await driveUntil(handle, c.flow, isRunning(stepId), drive(c));
      const data = await serviceData();
      const request = migrationRequestFor({ ...data, flows: { get: () => target } }, view, {
        toVersion: target.version,
        stepMapping: next.stepMapping,
      });
      const plan = await handle.executeUpdate(CASE_ACTION_UPDATES.migrate, {
        args: [{ ...request, actor: DESIGNER }],
      });
      if (!plan.applied) throw new Error(`the migration was not applied: ${JSON.stringify(plan.errors)}`);
      await driveToClosure(handle, target, drive(c));
      return handle;
    },
  },
  {
    // A published revision of the case's calendar (docs/calendar-revisions.md) that makes the next working days
    // holidays: the whole-case deadline, still ahead, moves.
    name: 'calendar-revised',
    appliesTo: (flow) => flow.sla !== undefined,
    run: (c) =>
      runThrough(c, async (handle) => {
        await driveUntil(handle, c.flow, hasOpenTask, drive(c));
        const report = await handle.executeUpdate(reviseCalendarUpdate, {
          args: [await revisionWithDaysOff(c.flow.calendar)],
        });
        if (!report.deadlines.some((deadline) => deadline.decision === 'moved')) {
          throw new Error(`no deadline moved: ${JSON.stringify(report)}`);
        }
      }),
  },
  {
    name: 'cancellation',
    appliesTo: () => true,
    run: async (c) => {
      const handle = await c.start();
      const view = await driveUntil(handle, c.flow, hasOpenTask, drive(c));
      await completeStep(handle, c.flow, required(view.steps.find(isOpenTask), 'open task'));
      await handle.executeUpdate(CASE_ACTION_UPDATES.cancel, {
        args: [{ actor: SUPERVISOR, reason: '市民撤回诉求' }],
      });
      await handle.result();
      return handle;
    },
  },
  {
    name: 'continue-as-new-idempotency',
    appliesTo: () => true,
    options: { historyEventLimit: 40 },
    run: (c) =>
      runThrough(c, async (handle) => {
        const first = required(
          (await driveUntil(handle, c.flow, hasOpenTask, drive(c))).steps.find(isOpenTask),
          'open task',
        );
        const complete = () =>
          handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
            args: [
              {
                actor: departmentActor(first.assignee?.department ?? 'unassigned'),
                stepId: first.id,
                result: c.recorded.results?.[first.id] ?? happyResult(taskForm(c.flow, first.id)),
              },
            ],
            updateId: 'complete-first-task',
          });
        const urge = (n: number, stepId: string) =>
          handle.executeUpdate(CASE_ACTION_UPDATES.urge, {
            args: [{ actor: SUPERVISOR, stepId, note: `催办 ${n}` }],
            updateId: `urge-${n}`,
          });
        await complete();
        const next = required(
          (await driveUntil(handle, c.flow, hasOpenTask, drive(c))).steps.find(isOpenTask),
          'second open task',
        );
        let urges = 0;
        while ((await handle.describe()).runId === handle.firstExecutionRunId) {
          urges += 1;
          if (urges > 40) throw new Error('the case never continued as new');
          await urge(urges, next.id);
        }
        // Ids applied in the earlier run, repeated: the case must answer without applying them again.
        await complete();
        await urge(1, next.id);
      }),
  },
  {
    // Engine revision 8 (answersCarryRequestDigest): a completion sent as the API sends a keyed one (its
    // request's digest after the payload) answers in an envelope with that digest; the same key again, with the
    // same body and with another, answers the first digest (within the run Temporal answers, nothing in the
    // history). The case continues as new; the other body again, now answered by the case from the digest it
    // carried across.
    name: 'idempotency-key-reused',
    optIn: true,
    appliesTo: (flow, recorded) => hasParallelTasks(flow, recorded),
    options: { historyEventLimit: 40 },
    run: (c) =>
      runThrough(c, async (handle) => {
        const twoOpen = (v: CaseView) => v.steps.filter(isOpenTask).length >= 2;
        const view = await driveUntil(handle, c.flow, twoOpen, drive(c));
        const open = view.steps.filter(isOpenTask);
        const [first, next] = [required(open[0], 'open task'), required(open[1], 'second open task')];
        const actor = assignee(view, first.id);
        const complete = async (result: Record<string, unknown>) => {
          const body = { result };
          const { updateId, requestDigest } = keyedAction({
            key: 'K-1',
            type: 'complete',
            caseId: c.caseId,
            stepId: first.id,
            actor,
            body,
          });
          const answer: unknown = await handle.executeUpdate(CASE_ACTION_UPDATES.complete.name, {
            args: [{ actor, stepId: first.id, result }, { requestDigest }],
            updateId,
          });
          return { requestDigest, answer };
        };
        const result = c.recorded.results?.[first.id] ?? happyResult(taskForm(c.flow, first.id));
        const other = { ...result, note: '另一结果' };
        const applied = await complete(result);
        const expectAppliedDigest = async (sent: Promise<{ answer: unknown }>) => {
          const { answer } = await sent;
          if (!isDeepStrictEqual(Object.keys(answer as object), ['requestDigest', 'answer']))
            throw new Error(`not an envelope: ${JSON.stringify(answer)}`);
          if ((answer as { requestDigest: unknown }).requestDigest !== applied.requestDigest)
            throw new Error("a repeat answered another digest than the applied request's");
        };
        await expectAppliedDigest(Promise.resolve(applied));
        await expectAppliedDigest(complete(result));
        await expectAppliedDigest(complete(other));
        let urges = 0;
        while ((await handle.describe()).runId === handle.firstExecutionRunId) {
          urges += 1;
          if (urges > 40) throw new Error('the case never continued as new');
          await handle.executeUpdate(CASE_ACTION_UPDATES.urge, {
            args: [{ actor: SUPERVISOR, stepId: next.id, note: `催办 ${urges}` }],
          });
        }
        // The other body first: the case itself answers it (within the run, Temporal answers the next).
        await expectAppliedDigest(complete(other));
        await expectAppliedDigest(complete(result));
      }),
  },
];

function taskForm(flow: Flow, stepId: string) {
  const step = flow.steps.find((s) => s.id === stepId);
  return step?.kind === 'task' ? step.form : {};
}

function hasEmergencySteps(flow: Flow): boolean {
  return (flow.emergency?.steps.length ?? 0) > 0;
}

/** An emergency opened at level 4 (its open tasks done), raised to 2, closed; then the case driven to closure. */
function emergencyOpenedRaisedClosed(c: ScenarioCase): Promise<StartedCase> {
  return runThrough(c, async (handle) => {
    const setLevel = (level: 0 | 2 | 4, reason: string) =>
      handle.executeUpdate(CASE_ACTION_UPDATES.setEmergency, {
        args: [{ actor: SUPERVISOR, level, reason }],
      });
    const opened = await setLevel(4, '现场有人受伤');
    const emergencySteps = new Set(c.flow.emergency?.steps.map((step) => step.id));
    for (const step of opened.steps.filter((s) => emergencySteps.has(s.id) && isOpenTask(s))) {
      await completeStep(handle, c.flow, step);
    }
    await setLevel(2, '伤亡扩大');
    await setLevel(0, '险情解除');
  });
}

/** The scenarios recorded for a flow. */
export function scenariosFor(flow: Flow, recorded: RecordedFlow): HistoryScenario[] {
  return HISTORY_SCENARIOS.filter(
    (scenario) =>
      scenario.appliesTo(flow, recorded) &&
      (recorded.scenarios?.includes(scenario.name) ?? scenario.optIn !== true),
  );
}
