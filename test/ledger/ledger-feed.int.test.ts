/**
 * The workflow feeds the ledger on the real dev server: a case driven to closure is in the ledger with every event
 * in order, written inside its transitions' own workflow tasks (engine revision 3: local activities, no memo
 * upsert); a write the database refuses goes to the regular activity; a running case's pinned calendar is there
 * from its first write, so the inbox counts on it; a worker stopped mid-case and a database stopped meanwhile lose
 * and double nothing.
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
} from '../../ledger';
import { caseTimelineQuery, caseViewQuery } from '../../workflows/messages';
import { caseInputFor } from '../helpers/case-fixtures';
import { completeStep, driveToClosure, startCaseWorkflow, stepOf, waitForView } from '../helpers/case-driver';
import { startDepartmentSystemsStub, type DepartmentSystemsStub } from '../helpers/department-systems-stub';
import { postgresTestsRun, startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { eventually } from '../helpers/eventually';
import { refusingLedgerWriter } from '../helpers/refusing-ledger-writer';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import {
  createTestClient,
  expectActivityFailures,
  uniqueTaskQueue,
  withCaseWorker,
} from '../helpers/temporal-test-env';

// The database refuses writes on purpose here (refused batches, a stopped PostgreSQL); each test checks what follows.
expectActivityFailures('recordCaseFacts');

const reference = REFERENCE_CASES['urban.exposed-garbage']!;

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const PROPERTIES_MODIFIED = temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED;
/** The marker the SDK records for a local activity's outcome. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** What the history of a case holds about its ledger writes and its memo. */
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
    memoModifications: events.filter((e) => e.eventType === PROPERTIES_MODIFIED).length,
  };
}

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

  /** Runs the case to closure on a worker writing to `ledger`; its timeline and what its history holds. */
  const runToClosure = (input: CaseInput, ledger: LedgerWriter) => {
    const taskQueue = uniqueTaskQueue('feed');
    return withCaseWorker(
      taskQueue,
      async () => {
        const handle = await startCaseWorkflow(client, taskQueue, input);
        await driveToClosure(handle, input.flow);
        await handle.result();
        return { timeline: await handle.query(caseTimelineQuery), history: await historyOf(handle) };
      },
      { env: {}, ledger },
    );
  };

  it('writes a case driven to closure with every event in order, inside its transitions, and its final snapshot', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const { timeline, history } = await runToClosure(input, createLedgerWriter(ledger));
      // With the database up every write is local (a marker in the transition's workflow task), and the running
      // case upserts no memo.
      expect(history).toEqual({
        localWrites: expect.any(Number),
        failedLocalWrites: 0,
        writeActivities: 0,
        memoModifications: 0,
      });
      expect(history.localWrites).toBeGreaterThan(1);
      const events = await readCaseEvents(ledger, input.caseId);
      expect(events.map((e) => [e.seq, e.type, e.stepId ?? null])).toEqual(
        timeline.map((e, seq) => [seq, e.type, e.stepId ?? null]),
      );
      expect(events.at(-1)?.type).toBe('case-closed');
      const record = await readCaseRecord(ledger, input.caseId);
      expect(record?.snapshot).toMatchObject({ status: 'closed', stage: 'closed', seq: timeline.length - 1 });
    } finally {
      await ledger.close();
    }
  });

  it('sends a write the database refuses to the regular activity, which retries it; nothing lost or doubled', async () => {
    const ledger = await openLedger({ file: ':memory:' });
    try {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const writer = refusingLedgerWriter(createLedgerWriter(ledger));
      // The first write's local attempt and the regular activity's first attempt find the database down.
      writer.refuse(input.caseId, 2);
      const { timeline, history } = await runToClosure(input, writer);
      expect(writer.refused(input.caseId)).toBe(2);
      expect(history).toMatchObject({ failedLocalWrites: 1, writeActivities: 1, memoModifications: 0 });
      // Once the regular activity landed, the writes were local again.
      expect(history.localWrites).toBeGreaterThan(1);
      const events = await readCaseEvents(ledger, input.caseId);
      expect(events.map((e) => [e.seq, e.type])).toEqual(timeline.map((e, seq) => [seq, e.type]));
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
