/**
 * The workflow feeds the ledger on the real dev server (engine revision 6: through the worker's sink): a case
 * driven to closure is in the ledger with every event in order, each Update's event written before its answer,
 * with no write activity and no local activity while it runs (one local write, the closing one, at the end); with
 * the database refusing writes the case goes on and the ledger catches up through the regular activity once the
 * database is back; a case whose resend requests are lost is complete once closed; a case that continued as new
 * loses nothing; a running case's pinned calendar is there from its first write, so the inbox counts on it; a
 * worker stopped mid-case and a database stopped meanwhile lose and double nothing.
 */
import type { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { LedgerWriter } from '../../activities';
import type { CaseInput } from '../../workflows/engine/case-input';
import {
  createLedgerWriter,
  departmentInbox,
  openLedger,
  readCaseEvents,
  readCaseRecord,
  type Ledger,
} from '../../ledger';
import { resendRequester } from '../../worker/ledger-sink';
import { caseTimelineQuery, caseViewQuery, type CaseWorkflowOptions } from '../../workflows/messages';
import { caseInputFor } from '../helpers/case-fixtures';
import {
  completeStep,
  driveToClosure,
  startCaseWorkflow,
  stepOf,
  waitForView,
  type CaseHandle,
} from '../helpers/case-driver';
import { startDepartmentSystemsStub, type DepartmentSystemsStub } from '../helpers/department-systems-stub';
import { postgresTestsRun, startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { eventually } from '../helpers/eventually';
import { refusingLedgerWriter } from '../helpers/refusing-ledger-writer';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import {
  createTestClient,
  expectActivityFailures,
  expectWarning,
  quietTestLogger,
  uniqueTaskQueue,
  withCaseWorker,
} from '../helpers/temporal-test-env';

// The database refuses writes on purpose here (refused batches, a stopped PostgreSQL); each test checks what follows.
expectActivityFailures('recordCaseFacts');
expectWarning('Ledger write by sink failed; the case resends it');

const reference = REFERENCE_CASES['urban.exposed-garbage']!;

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const PROPERTIES_MODIFIED = temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED;
/** The marker the SDK records for a local activity's outcome. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** What the history of a case (one run) holds about its ledger writes and its memo. */
async function historyOf(handle: { fetchHistory(): Promise<temporal.api.history.v1.IHistory> }) {
  const events = (await handle.fetchHistory()).events ?? [];
  const localWrites = events.filter(
    (e) => e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER,
  );
  const activityOf = (e: HistoryEvent) => e.activityTaskScheduledEventAttributes?.activityType?.name;
  return {
    localWrites: localWrites.length,
    failedLocalWrites: localWrites.filter((e) => e.markerRecordedEventAttributes?.failure).length,
    writeActivities: events.filter((e) => activityOf(e) === 'recordCaseFacts').length,
    resendSignals: events.filter(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ledgerResend',
    ).length,
    memoModifications: events.filter((e) => e.eventType === PROPERTIES_MODIFIED).length,
  };
}

/** The ledger's events of the case as (seq, type, step). */
const rowsOf = async (ledger: Ledger, caseId: string) =>
  (await readCaseEvents(ledger, caseId)).map((e) => [e.seq, e.type, e.stepId ?? null]);

/** The case's timeline as the ledger should hold it. */
const expectedRows = async (handle: CaseHandle) =>
  (await handle.query(caseTimelineQuery)).map((e, seq) => [seq, e.type, e.stepId ?? null]);

describe('the ledger feed', () => {
  let client: Client;
  let connection: Connection;
  let systems: DepartmentSystemsStub;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
    systems = await startDepartmentSystemsStub();
  });
  afterAll(async () => {
    await connection.close();
    await systems.close();
  });

  /** Runs `fn` on a case worker writing to `ledger` (resend requests lost when `loseResends`). */
  const onWorker = <T>(
    taskQueue: string,
    ledger: LedgerWriter,
    fn: () => Promise<T>,
    loseResends = false,
  ): Promise<T> =>
    withCaseWorker(
      taskQueue,
      fn,
      { env: {}, ledger },
      loseResends ? { askLedgerResend: async () => {} } : {},
    );

  /** Starts the case on a new task queue; the handle and the queue. */
  const start = async (input: CaseInput, options?: CaseWorkflowOptions) => {
    const taskQueue = uniqueTaskQueue('feed');
    return { taskQueue, handle: await startCaseWorkflow(client, taskQueue, input, options) };
  };

  /** Completes the step as its department; the answer comes once the step's completion is in the ledger. */
  const completeAndRead = async (handle: CaseHandle, input: CaseInput, ledger: Ledger, stepId: string) => {
    await completeStep(handle, input.flow, stepOf(await handle.query(caseViewQuery), stepId));
    return (await readCaseEvents(ledger, input.caseId)).filter(
      (e) => e.type === 'step-completed' && e.stepId === stepId,
    ).length;
  };

  it("writes each Update's event before its answer, through the sink: no write activity or local activity while the case runs, one local write at closure", async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const { taskQueue, handle } = await start(input);
      const whileRunning = await onWorker(taskQueue, createLedgerWriter(ledger), async () => {
        expect(await completeAndRead(handle, input, ledger, 'verify')).toBe(1);
        await waitForView(handle, (v) => stepOf(v, 'file').status === 'active');
        expect(await completeAndRead(handle, input, ledger, 'file')).toBe(1);
        await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
        // The ledger matches the running case: every event, and the snapshot as of the newest.
        const timeline = await expectedRows(handle);
        expect(await rowsOf(ledger, input.caseId)).toEqual(timeline);
        const record = await readCaseRecord(ledger, input.caseId);
        expect(record?.snapshot).toMatchObject({ status: 'open', seq: timeline.length - 1 });
        expect(record?.snapshot.steps.find((step) => step.id === 'handle')?.status).toBe('active');
        const history = await historyOf(handle);
        await driveToClosure(handle, input.flow);
        await handle.result();
        return { history, timeline: await expectedRows(handle) };
      });
      expect(whileRunning.history).toEqual({
        localWrites: 0,
        failedLocalWrites: 0,
        writeActivities: 0,
        resendSignals: 0,
        memoModifications: 0,
      });
      // Closing, the case wrote what no activity had acknowledged once more, through a local activity.
      expect(await historyOf(handle)).toEqual({ ...whileRunning.history, localWrites: 1 });
      const { timeline } = whileRunning;
      expect(await rowsOf(ledger, input.caseId)).toEqual(timeline);
      expect(timeline.at(-1)?.[1]).toBe('case-closed');
      const record = await readCaseRecord(ledger, input.caseId);
      expect(record?.snapshot).toMatchObject({ status: 'closed', stage: 'closed', seq: timeline.length - 1 });
    } finally {
      await ledger.close();
    }
  });

  it('goes on while the database refuses writes, and the ledger catches up through the regular activity once it is back', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const writer = refusingLedgerWriter(createLedgerWriter(ledger));
      writer.refuse(input.caseId, Number.POSITIVE_INFINITY);
      const { taskQueue, handle } = await start(input);
      const timeline = await onWorker(taskQueue, writer, async () => {
        // Down: the Update is answered, the ledger has nothing of the case.
        expect(await completeAndRead(handle, input, ledger, 'verify')).toBe(0);
        await waitForView(handle, (v) => stepOf(v, 'file').status === 'active');
        expect(await readCaseRecord(ledger, input.caseId)).toBeUndefined();
        // Back: the case's resend, a regular activity retried with backoff, writes everything so far.
        writer.refuse(input.caseId, 0);
        const sofar = await expectedRows(handle);
        await eventually(
          async () => (await readCaseRecord(ledger, input.caseId))?.snapshot.seq === sofar.length - 1,
          'the ledger caught up',
        );
        expect(await rowsOf(ledger, input.caseId)).toEqual(sofar);
        // Then the sink again: the next Update's event is written before its answer.
        expect(await completeAndRead(handle, input, ledger, 'file')).toBe(1);
        await driveToClosure(handle, input.flow);
        await handle.result();
        return expectedRows(handle);
      });
      expect(writer.refused(input.caseId)).toBeGreaterThan(1);
      const history = await historyOf(handle);
      expect(history.resendSignals).toBeGreaterThan(0);
      expect(history.writeActivities).toBeGreaterThan(0);
      expect(await rowsOf(ledger, input.caseId)).toEqual(timeline);
      expect((await readCaseRecord(ledger, input.caseId))?.snapshot.seq).toBe(timeline.length - 1);
    } finally {
      await ledger.close();
    }
  });

  it('is complete once closed even when the requests to resend a refused write never reach the case; a request arriving after closure ends at once', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const writer = refusingLedgerWriter(createLedgerWriter(ledger));
      // The case's first write (its start) is refused and the resend request lost; later writes land.
      writer.refuse(input.caseId, 1);
      const { taskQueue, handle } = await start(input);
      const timeline = await onWorker(
        taskQueue,
        writer,
        async () => {
          expect(await completeAndRead(handle, input, ledger, 'verify')).toBe(1);
          // A gap where the refused batch was: the first event is missing.
          expect((await readCaseEvents(ledger, input.caseId)).map((e) => e.seq)).not.toContain(0);
          await driveToClosure(handle, input.flow);
          await handle.result();
          return expectedRows(handle);
        },
        true,
      );
      expect(writer.refused(input.caseId)).toBe(1);
      expect(await historyOf(handle)).toMatchObject({ resendSignals: 0, writeActivities: 0, localWrites: 1 });
      expect(await rowsOf(ledger, input.caseId)).toEqual(timeline);
      expect((await readCaseRecord(ledger, input.caseId))?.snapshot).toMatchObject({
        status: 'closed',
        seq: timeline.length - 1,
      });
      // The worker's requester meets the closed case: "not found" ends it (no retries for an hour), nothing sent.
      await resendRequester(client, quietTestLogger())(handle.workflowId, 0);
      expect(await historyOf(handle)).toMatchObject({ resendSignals: 0 });
    } finally {
      await ledger.close();
    }
  });

  it('loses nothing across continue-as-new: each run writes what only the sink carried before it continues', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const writer = refusingLedgerWriter(createLedgerWriter(ledger));
      // One refused write whose resend is lost: only the run's own backstop can write it.
      writer.refuse(input.caseId, 1);
      const { taskQueue, handle } = await start(input, { historyEventLimit: 30 });
      const timeline = await onWorker(
        taskQueue,
        writer,
        async () => {
          await driveToClosure(handle, input.flow);
          await handle.result();
          return expectedRows(handle);
        },
        true,
      );
      const firstRun = client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      expect((await firstRun.describe()).status.name).toBe('CONTINUED_AS_NEW');
      expect(await historyOf(firstRun)).toMatchObject({ writeActivities: 0, localWrites: 1 });
      expect(await rowsOf(ledger, input.caseId)).toEqual(timeline);
      expect((await readCaseRecord(ledger, input.caseId))?.snapshot.seq).toBe(timeline.length - 1);
    } finally {
      await ledger.close();
    }
  });

  it("holds a running case's pinned calendar from its first write on, and the inbox counts on it", async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const taskQueue = uniqueTaskQueue('feed-calendar');
      const storedCalendar = async () =>
        (await ledger.db
          .selectFrom('ledger_cases')
          .select(['calendar', 'snapshot_seq'])
          .where('case_id', '=', input.caseId)
          .executeTakeFirst()) ?? { calendar: null, snapshot_seq: -1 };
      await withCaseWorker(
        taskQueue,
        async () => {
          const handle = await startCaseWorkflow(client, taskQueue, input);
          await eventually(async () => (await storedCalendar()).calendar !== null, 'the first write');
          await completeStep(handle, input.flow, stepOf(await handle.query(caseViewQuery), 'verify'));
          await waitForView(handle, (v) => stepOf(v, 'file').status === 'active');
          const events = (await handle.query(caseTimelineQuery)).length;
          // Later writes do not carry the calendar; the ledger keeps the one the case pinned.
          await eventually(
            async () => (await storedCalendar()).snapshot_seq >= events - 1,
            'the write of the filing step',
          );
          await handle.terminate('calendar checked');
        },
        { env: {}, ledger: createLedgerWriter(ledger) },
      );
      const stored = await storedCalendar();
      expect(JSON.parse(stored.calendar ?? 'null')).toEqual(input.calendar);
      const record = await readCaseRecord(ledger, input.caseId);
      const filing = record?.snapshot.steps.find((step) => step.id === 'file');
      expect(filing?.dueAt).toBeDefined();
      const inbox = await departmentInbox(ledger, {
        department: filing?.department ?? '',
        limit: 10,
        now: Date.now(),
      });
      expect(inbox.items).toEqual([
        expect.objectContaining({
          caseId: input.caseId,
          stepId: 'file',
          remainingWorkingMinutes: expect.any(Number),
          // The flow's 1 working hour: the time left is counted in working minutes.
          dueClock: 'working',
          remainingMinutes: expect.any(Number),
        }),
      ]);
    } finally {
      await ledger.close();
    }
  });

  /**
   * The database is down for a few seconds, across a worker stop, while the case moves on: what this proves does
   * not depend on how long the outage lasts (writes retry without limit, at most 10 s apart), so no minute is spent.
   */
  const withPostgres = postgresTestsRun() ? it : it.skip;
  withPostgres(
    'loses and doubles nothing when the worker stops mid-case and the database is down meanwhile',
    async () => {
      const postgres = (await startPostgres()) as PostgresServer;
      const ledger = await openLedger({ databaseUrl: await postgres.createDatabase() });
      const writer = createLedgerWriter(ledger);
      try {
        const input = systems.pointAt(await caseInputFor(reference.fields));
        const taskQueue = uniqueTaskQueue('feed-outage');
        const handle = await startCaseWorkflow(client, taskQueue, input);
        await withCaseWorker(
          taskQueue,
          async () => {
            await completeStep(handle, input.flow, stepOf(await handle.query(caseViewQuery), 'verify'));
            await waitForView(handle, (v) => stepOf(v, 'file').status === 'active');
            await postgres.stopServer();
            // The case keeps running while its ledger is down.
            const filing = await handle.query(caseViewQuery);
            await completeStep(handle, input.flow, stepOf(filing, 'file'));
            await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
          },
          { env: {}, ledger: writer },
        );
        // No worker and no database for a while; then the database comes back, then a worker.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        await postgres.startServer();
        const final = await withCaseWorker(
          taskQueue,
          async () => {
            await driveToClosure(handle, input.flow);
            return handle.result();
          },
          { env: {}, ledger: writer },
        );
        // Every event once, numbered without a gap, up to the closure; steps as the workflow ended them.
        const events = await readCaseEvents(ledger, input.caseId);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
        expect(events.at(-1)?.type).toBe('case-closed');
        const completed = final.steps.filter((s) => s.status === 'completed').map((s) => s.id);
        const completions = events.filter((e) => e.type === 'step-completed').map((e) => e.stepId);
        expect(completions.sort()).toEqual([...completed].sort());
        const record = await readCaseRecord(ledger, input.caseId);
        expect(record?.snapshot.seq).toBe(events.length - 1);
        expect(record?.snapshot.steps.map((s) => [s.id, s.status, s.round])).toEqual(
          final.steps.map((s) => [s.id, s.status, s.round]),
        );
      } finally {
        await ledger.close();
        await postgres.remove();
      }
    },
    180_000,
  );
});
