/**
 * Migrating running cases to a new version of their flow, over HTTP only, on the real dev server: the fixture
 * flow fixture.street-litter in two versions (version 2 renames `handle` to `clean-up` with a 2h limit and tells
 * the reporter). Each migrated case is then driven to closure on version 2.
 */
import path from 'node:path';
import request from 'supertest';
import type { Actor } from '../../../api/auth';
import type { MigrationPlan } from '../../../workflows/engine/migration/migration-model';
import type { Flow } from '../../../workflows/engine/flow-model';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import {
  INTAKE,
  bearer,
  expectStatus,
  stepIn,
  timelineOf,
  useHttpHarness,
} from '../support/http-case-harness';

const FLOW_ID = 'fixture.street-litter';
const DESIGNER: Actor = { sub: 'designer-7', role: 'designer' };
const FLOWS_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'flows', 'migration');

describe('migrating running cases to a new flow version, over HTTP', () => {
  const live = useHttpHarness({ flowsDir: FLOWS_DIR });
  const version = (v: number): Flow => live.harness.service.flows.get(FLOW_ID, v)!;

  /** Starts a case on version 1 and completes `verify` when asked: `handle` is then active. */
  async function startOnVersion1(atHandle: boolean): Promise<string> {
    const caseId = uniqueCaseId('E2E-MIGRATE');
    const started = await request(live.harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(INTAKE))
      .send({
        caseId,
        flowId: FLOW_ID,
        flowVersion: 1,
        region: '440104001001001',
        data: { address: '北京路 1 号' },
      });
    expectStatus(started, 201, 'start');
    const view = await live.driver.until(caseId, (v) => stepIn(v, 'verify').status === 'active', 'verify');
    if (!atHandle) return caseId;
    await live.driver.complete(caseId, version(1), stepIn(view, 'verify'));
    await live.driver.until(caseId, (v) => stepIn(v, 'handle').status === 'active', 'handle');
    return caseId;
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
});
