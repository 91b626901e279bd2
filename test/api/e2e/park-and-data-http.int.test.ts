import type { CaseView } from '../../../workflows/engine/case/case-view';
import {
  SUPERVISOR,
  departmentUser,
  expectStatus,
  startReferenceCase,
  stepIn,
  timelineOf,
  useHttpHarness,
} from '../support/http-case-harness';

describe('挂账 (park), corrections of case data and steps not yet reached, over HTTP', () => {
  const live = useHttpHarness();
  const start = (flowId: string): Promise<string> => startReferenceCase(live.harness.app, flowId, 'E2E-PARK');
  const timeline = (caseId: string) => timelineOf(live.harness.app, caseId);

  it('a department asks to park its step, the supervisor approves, and the step is parked with both on the timeline', async () => {
    const flowId = 'urban.exposed-garbage';
    const flow = live.harness.service.flows.get(flowId)!;
    const caseId = await start(flowId);
    for (const stepId of ['verify', 'file']) {
      const view = await live.driver.until(caseId, (v) => stepIn(v, stepId).status === 'active', stepId);
      await live.driver.complete(caseId, flow, stepIn(view, stepId));
    }
    const handling = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'handle').status === 'active',
      'handle',
    );
    const sanitation = live.driver.assigneeOf(stepIn(handling, 'handle'));

    const asked = await live.driver.post(caseId, 'steps/handle/park', sanitation, {
      reason: '等待产权单位确认',
    });
    expectStatus(asked, 202, 'park request');
    expect(stepIn(asked.body as CaseView, 'handle').request).toEqual({
      kind: 'park',
      reason: '等待产权单位确认',
    });

    const byDepartment = await live.driver.post(caseId, 'steps/handle/park/decision', sanitation, {
      approve: true,
    });
    expect(byDepartment.status).toBe(403);

    const decided = await live.driver.post(caseId, 'steps/handle/park/decision', SUPERVISOR, {
      approve: true,
      note: '同意挂账',
    });
    expectStatus(decided, 200, 'park decision');
    const parked = stepIn(decided.body as CaseView, 'handle');
    expect(parked.parked).toBe(true);
    expect(parked.request).toBeUndefined();

    const again = await live.driver.post(caseId, 'steps/handle/park/decision', SUPERVISOR, {
      approve: false,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: expect.stringContaining('park-not-pending') });

    const entries = (await timeline(caseId)).filter((entry) => entry.type.startsWith('park-'));
    expect(entries.map((entry) => [entry.type, entry.stepId, entry.actor?.sub])).toEqual([
      ['park-requested', 'handle', sanitation.sub],
      ['park-approved', 'handle', SUPERVISOR.sub],
    ]);
  });

  it('a step whose flow does not allow parking refuses the request with 409', async () => {
    const flowId = 'urban.exposed-garbage';
    const caseId = await start(flowId);
    const view = await live.driver.until(caseId, (v) => stepIn(v, 'verify').status === 'active', 'verify');
    const response = await live.driver.post(
      caseId,
      'steps/verify/park',
      live.driver.assigneeOf(stepIn(view, 'verify')),
      {
        reason: 'no',
      },
    );
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ type: expect.stringContaining('action-not-allowed') });
  });

  it('a department acting on a step the case has not reached gets 409, not 403', async () => {
    const caseId = await start('urban.exposed-garbage');
    const view = await live.driver.until(caseId, (v) => stepIn(v, 'verify').status === 'active', 'verify');
    expect(stepIn(view, 'handle').status).toBe('pending');
    const inspector = live.driver.assigneeOf(stepIn(view, 'verify'));
    const response = await live.driver.post(
      caseId,
      'steps/handle/complete',
      inspector,
      { result: {} },
      'k-unreached',
    );
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ type: expect.stringContaining('step-not-active') });
  });

  it('a supervisor corrects case data: a field that makes a trigger true opens the emergency; a bad value is a 422 at its field', async () => {
    const caseId = await start('urban.missing-manhole-cover');
    await live.driver.until(caseId, (v) => v.steps.some((step) => step.status === 'active'), 'first step');

    const wrong = await live.driver.post(caseId, 'data', SUPERVISOR, {
      data: { injuries: 'yes' },
      reason: '回访核实',
    });
    expect(wrong.status).toBe(422);
    expect((wrong.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'data.injuries',
    ]);

    const empty = await live.driver.post(caseId, 'data', SUPERVISOR, { reason: 'nothing' });
    expect(empty.status).toBe(400);

    const byDepartment = await live.driver.post(caseId, 'data', departmentUser('yuexiu-sanitation'), {
      data: { injuries: true },
      reason: 'x',
    });
    expect(byDepartment.status).toBe(403);

    const corrected = await live.driver.post(caseId, 'data', SUPERVISOR, {
      data: { injuries: true },
      priority: 'urgent',
      reason: '群众来电补充: 有人受伤',
    });
    expectStatus(corrected, 200, 'data update');
    const after = corrected.body as CaseView;
    expect(after.data).toMatchObject({ injuries: true });
    expect(after.priority).toBe('urgent');
    expect(after.emergencyLevel).toBe(4);
    const types = (await timeline(caseId)).map((entry) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['data-updated', 'emergency-opened']));
  });
});
