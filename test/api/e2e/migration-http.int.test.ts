/**
 * Migrating running cases to a new version of their flow, over HTTP only, on the real dev server: the fixture
 * flow fixture.street-litter in two versions (version 2 renames `handle` to `clean-up` with a 2h limit and tells
 * the reporter). Each migrated case is then driven to closure on version 2.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { selectionQuery } from '../../../activities/migration-activities';
import type { Actor } from '../../../api/auth';
import { createFlowsCommand } from '../../../scripts/commands/flows-command';
import type { BatchMigrationProgress } from '../../../workflows/engine/migration/batch-migration';
import type { MigrationPlan } from '../../../workflows/engine/migration/migration-model';
import type { Flow } from '../../../workflows/engine/flow-model';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { eventually } from '../../helpers/eventually';
import { bearer, expectStatus, stepIn, timelineOf, useHttpHarness } from '../support/http-case-harness';

const FLOW_ID = 'fixture.street-litter';
const DESIGNER: Actor = { sub: 'designer-7', role: 'designer' };
const ADMIN: Actor = { sub: 'admin-1', role: 'admin' };
const FLOWS_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'flows', 'migration');

describe('migrating running cases to a new flow version, over HTTP', () => {
  const live = useHttpHarness({ flowsDir: FLOWS_DIR });
  const version = (v: number): Flow => live.harness.service.flows.get(FLOW_ID, v)!;

  /** Starts a case on version 1 and completes `verify` when asked: `handle` is then active. */
  async function startOnVersion1(atHandle: boolean, region = '440104001001001'): Promise<string> {
    const caseId = uniqueCaseId('E2E-MIGRATE');
    const started = await request(live.harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(ADMIN))
      .send({
        caseId,
        flowId: FLOW_ID,
        flowVersion: 1,
        region,
        data: { address: '北京路 1 号' },
      });
    expectStatus(started, 201, 'start');
    const view = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'verify').status === 'active',
      'verify',
      ADMIN,
    );
    if (!atHandle) return caseId;
    await live.driver.complete(caseId, version(1), stepIn(view, 'verify'));
    await live.driver.until(caseId, (v) => stepIn(v, 'handle').status === 'active', 'handle', ADMIN);
    return caseId;
  }

  /** Waits until visibility lists every case among the running ones of version 1 (it lags a little). */
  async function listed(caseIds: readonly string[], region: string): Promise<void> {
    const query = selectionQuery({
      flowId: FLOW_ID,
      fromVersion: 1,
      region,
      taskQueue: live.harness.taskQueue,
    });
    await eventually(async () => {
      const seen = new Set<string>();
      for await (const wf of live.harness.client.workflow.list({ query })) seen.add(wf.workflowId);
      return caseIds.every((id) => seen.has(`case-${id}`));
    }, 'the cases listed by visibility');
  }

  /** Starts a batch as the designer and follows it to completion over HTTP. */
  async function batch(body: object, key?: string): Promise<BatchMigrationProgress> {
    const call = request(live.harness.app)
      .post(`/v1/flows/${FLOW_ID}/migrations`)
      .set('Authorization', await bearer(DESIGNER));
    if (key !== undefined) call.set('Idempotency-Key', key);
    const started = await call.send(body);
    expectStatus(started, 202, 'batch start');
    const location = started.headers['location'] as string;
    expect(location).toBe(
      `/v1/flows/${FLOW_ID}/migrations/${(started.body as BatchMigrationProgress).migrationId}`,
    );
    return eventually(async () => {
      const read = await request(live.harness.app)
        .get(location)
        .set('Authorization', await bearer(DESIGNER));
      expectStatus(read, 200, 'batch progress');
      const progress = read.body as BatchMigrationProgress;
      return progress.status === 'completed' ? progress : undefined;
    }, 'the batch completed');
  }

  async function migrate(caseId: string, body: object, key?: string) {
    const call = request(live.harness.app)
      .post(`/v1/cases/${caseId}/migrate`)
      .set('Authorization', await bearer(DESIGNER));
    if (key !== undefined) call.set('Idempotency-Key', key);
    return call.send(body);
  }

  it('plans (dry run), refuses with located reasons, applies, and the case closes on version 2', async () => {
    const caseId = await startOnVersion1(true);

    const refused = await migrate(caseId, { toVersion: 2, data: { address: 5 }, dryRun: true });
    expectStatus(refused, 422, 'refused dry run');
    expect(refused.body).toMatchObject({ type: 'https://fullcycle.dev/problems/migration-refused' });
    expect(refused.body.errors).toEqual([
      { path: 'data.address', message: 'must be a string' },
      { path: 'steps.handle', message: expect.stringContaining("version 2 has no step 'handle'") },
    ]);

    const body = { toVersion: 2, stepMapping: { handle: 'clean-up' } };
    const dryRun = await migrate(caseId, { ...body, dryRun: true });
    expectStatus(dryRun, 200, 'dry run');
    const planned = dryRun.body as MigrationPlan;
    expect(planned).toMatchObject({ fromVersion: 1, toVersion: 2, accepted: true, applied: false });
    expect(planned.steps.find((s) => s.from === 'handle')).toMatchObject({
      to: 'clean-up',
      decision: 'move',
      deadline: 'recomputed',
    });
    expect(planned.steps.find((s) => s.to === 'notify-reporter')).toMatchObject({
      status: 'new',
      decision: 'add',
    });
    const untouched = await live.driver.view(caseId);
    expect(untouched.flowVersion).toBe(1);
    expect((await timelineOf(live.harness.app, caseId)).map((e) => e.type)).not.toContain('case-migrated');

    const applied = await migrate(caseId, body, 'migrate-1');
    expectStatus(applied, 200, 'apply');
    expect(applied.body).toMatchObject({ accepted: true, applied: true, toVersion: 2 });
    const again = await migrate(caseId, body, 'migrate-1');
    expectStatus(again, 200, 'repeat');
    expect(again.body).toEqual(applied.body);

    const moved = await live.driver.view(caseId);
    expect(moved.flowVersion).toBe(2);
    expect(stepIn(moved, 'clean-up')).toMatchObject({
      status: 'active',
      round: 1,
      assignee: { department: 'yuexiu-sanitation' },
      dueAt: planned.steps.find((s) => s.from === 'handle')?.dueAt,
    });
    const migrated = (await timelineOf(live.harness.app, caseId)).find((e) => e.type === 'case-migrated');
    expect(migrated).toMatchObject({ actor: { sub: 'designer-7', role: 'designer' } });

    const onceMore = await migrate(caseId, { toVersion: 2 });
    expectStatus(onceMore, 422, 'migrate to the version it is on');
    expect(onceMore.body.errors).toEqual([
      { path: 'toVersion', message: 'the case is already on version 2' },
    ]);

    const closed = await live.driver.driveToClosure(caseId, version(2));
    expect(closed.steps.map((s) => [s.id, s.status])).toEqual([
      ['verify', 'completed'],
      ['clean-up', 'completed'],
      ['check', 'completed'],
      ['notify-reporter', 'completed'],
    ]);
  });

  it('answers a designer the plan but never the case', async () => {
    const caseId = await startOnVersion1(false);
    const seen = await request(live.harness.app)
      .get(`/v1/cases/${caseId}`)
      .set('Authorization', await bearer(DESIGNER));
    expect(seen.status).toBe(403);
    const planned = await migrate(caseId, { toVersion: 2, dryRun: true });
    expectStatus(planned, 200, 'dry run');
    expect(JSON.stringify(planned.body)).not.toContain('北京路');
  });

  it('migrates a batch of the cases of version 1 under a street: the one that cannot move is refused, the rest move and close on version 2', async () => {
    const [first, second, stuck] = [
      await startOnVersion1(false, '440104002001001'),
      await startOnVersion1(false, '440104002001001'),
      await startOnVersion1(true, '440104002001002'),
    ];
    const elsewhere = await startOnVersion1(false, '440104001002001');
    await listed([first, second, stuck], '440104002');

    const planned = await batch({ fromVersion: 1, toVersion: 2, region: '440104002', dryRun: true });
    expect(planned).toMatchObject({ dryRun: true, counts: { planned: 2, refused: 1, migrated: 0 } });
    expect((await live.driver.view(first, ADMIN)).flowVersion).toBe(1);

    const body = { fromVersion: 1, toVersion: 2, region: '440104002' };
    const done = await batch(body, 'batch-1');
    expect(done).toMatchObject({ status: 'completed', selected: 3, done: 3, requestedBy: 'designer-7' });
    expect(done.counts).toEqual({ migrated: 2, planned: 0, refused: 1, skipped: 0, failed: 0 });
    expect(done.cases.map((c) => c.caseId)).not.toContain(elsewhere);
    expect(done.cases.find((c) => c.caseId === stuck)).toEqual({
      caseId: stuck,
      outcome: 'refused',
      errors: [{ path: 'steps.handle', message: expect.stringContaining("version 2 has no step 'handle'") }],
    });
    const repeated = await request(live.harness.app)
      .post(`/v1/flows/${FLOW_ID}/migrations`)
      .set('Authorization', await bearer(DESIGNER))
      .set('Idempotency-Key', 'batch-1')
      .send(body);
    expectStatus(repeated, 200, 'repeated batch');
    expect((repeated.body as BatchMigrationProgress).migrationId).toBe(done.migrationId);

    expect((await live.driver.view(stuck, ADMIN)).flowVersion).toBe(1);
    expect((await live.driver.view(elsewhere, ADMIN)).flowVersion).toBe(1);
    for (const caseId of [first, second]) {
      expect((await live.driver.view(caseId, ADMIN)).flowVersion).toBe(2);
      const closed = await live.driver.driveToClosure(caseId, version(2));
      expect(closed.steps.find((s) => s.id === 'notify-reporter')?.status).toBe('completed');
    }
  });

  it('does the same from the CLI: the batch, then the case it refused with a mapping', async () => {
    const [moving, stuck] = [
      await startOnVersion1(false, '440104001001002'),
      await startOnVersion1(true, '440104001001002'),
    ];
    await listed([moving, stuck], '440104001001002');
    const server = live.harness.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const out: string[] = [];
    const cli = async (...args: string[]): Promise<number | undefined> => {
      process.exitCode = undefined;
      const env = { FULLCYCLE_TOKEN: (await bearer(DESIGNER)).replace('Bearer ', '') };
      const context = () => ({
        env,
        io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) },
        cwd: '.',
        now: Date.now,
      });
      await createFlowsCommand(context).parseAsync([
        'node',
        'flows',
        'migrate',
        FLOW_ID,
        ...args,
        '--api',
        api,
      ]);
      const code = process.exitCode;
      process.exitCode = undefined;
      return code;
    };
    try {
      expect(await cli('--to', '2', '--region', '440104001001002', '--dry-run')).toBe(1);
      expect(out).toContain(`  ${moving} planned`);
      expect(out.find((line) => line.startsWith(`  ${stuck} refused: steps.handle:`))).toBeDefined();
      expect(await cli('--to', '2', '--from', '1', '--region', '440104001001002')).toBe(1);
      expect(out.at(-1)).toBe('1 migrated, 0 planned, 1 refused, 0 skipped, 0 failed');
      expect(await cli('--to', '2', '--case', stuck, '--map', 'handle=clean-up')).toBe(0);
      expect(out).toContain(`${stuck}: migrated, version 1 → 2`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    for (const caseId of [moving, stuck]) await live.driver.driveToClosure(caseId, version(2));
  });
});
