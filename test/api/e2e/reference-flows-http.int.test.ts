import request from 'supertest';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import type { Flow } from '../../../workflows/engine/flow-model';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import {
  INTAKE,
  OTHER_SUPERVISOR,
  SUPERVISOR,
  bearer,
  departmentUser,
  expectStatus,
  stepIn,
  timelineOf,
  useHttpHarness,
} from '../support/http-case-harness';
import { eventually } from '../../helpers/eventually';

const HOUR = 3_600_000;
const caseIds = (body: unknown): string[] =>
  ((body as { items?: { caseId: string }[] }).items ?? []).map((item) => item.caseId);

describe('each reference flow from intake to closure over HTTP only', () => {
  const live = useHttpHarness();

  const flowOf = (flowId: string): Flow => {
    const flow = live.harness.service.flows.get(flowId);
    if (flow === undefined) throw new Error(`no flow ${flowId}`);
    return flow;
  };

  /** Starts the reference case of `flowId` as the intake seat; 201 with Location. */
  async function start(flowId: string): Promise<{ caseId: string; flow: Flow }> {
    const caseId = uniqueCaseId(`E2E-${flowId.split('.')[1]}`);
    const response = await request(live.harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(INTAKE))
      .send({ caseId, ...REFERENCE_CASES[flowId]!.fields });
    expectStatus(response, 201, `start ${flowId}`);
    expect(response.headers['location']).toBe(`/v1/cases/${caseId}`);
    return { caseId, flow: flowOf(flowId) };
  }

  const timeline = (caseId: string) => timelineOf(live.harness.app, caseId);

  /** Completes the named step once it is active (the case view over HTTP says when). */
  async function completeWhenActive(
    caseId: string,
    flow: Flow,
    stepId: string,
    result?: Record<string, unknown>,
  ): Promise<CaseView> {
    const view = await live.driver.until(
      caseId,
      (v) => ['active', 'claimed'].includes(stepIn(v, stepId).status),
      `${stepId} active`,
    );
    return live.driver.complete(caseId, flow, stepIn(view, stepId), result);
  }

  const completedSteps = (view: CaseView): string[] =>
    view.steps.filter((step) => step.status === 'completed').map((step) => step.id);

  it('urban.exposed-garbage: inbox, stalled filters, an approved extension and a rework in round 2', async () => {
    const { caseId, flow } = await start('urban.exposed-garbage');
    await completeWhenActive(caseId, flow, 'verify');
    await completeWhenActive(caseId, flow, 'file');
    const handling = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'handle').status === 'active',
      'handle',
    );
    expect(stepIn(handling, 'handle').assignee?.department).toBe('yuexiu-sanitation');

    const sanitation = await bearer(departmentUser('yuexiu-sanitation'));
    const inbox = async (dept: string, auth: string) =>
      request(live.harness.app).get(`/v1/departments/${dept}/tasks`).set('Authorization', auth);
    const item = await eventually(async () => {
      const page = await inbox('yuexiu-sanitation', sanitation);
      return (page.body as { items: { caseId: string; stepId: string }[] }).items.find(
        (entry) => entry.caseId === caseId,
      );
    }, 'case in the sanitation inbox');
    expect(item).toMatchObject({ stepId: 'handle', status: 'active', flowId: 'urban.exposed-garbage' });
    const tianhe = await bearer(departmentUser('tianhe-sanitation'));
    expect(caseIds((await inbox('tianhe-sanitation', tianhe)).body)).not.toContain(caseId);
    expect((await inbox('tianhe-sanitation', sanitation)).status).toBe(403);

    const supervisor = await bearer(SUPERVISOR);
    const stalled = async (query: string, auth = supervisor) => {
      const response = await request(live.harness.app)
        .get(`/v1/supervision/stalled?${query}`)
        .set('Authorization', auth);
      expectStatus(response, 200, `stalled?${query}`);
      return caseIds(response.body);
    };
    await eventually(
      async () => (await stalled('department=yuexiu-sanitation&stage=action')).includes(caseId),
      'case stalled on sanitation in action',
    );
    expect(await stalled('stage=action&overdue=false')).toContain(caseId);
    expect(await stalled('department=tianhe-sanitation')).not.toContain(caseId);
    expect(await stalled('stage=assessment')).not.toContain(caseId);
    expect(await stalled('overdue=true')).not.toContain(caseId);
    expect(await stalled('idleFor=P1D')).not.toContain(caseId);
    await eventually(async () => (await stalled('idleFor=PT1S')).includes(caseId), 'idle for a second');
    const other = await bearer(OTHER_SUPERVISOR);
    expect(await stalled('', other)).not.toContain(caseId);
    const outside = await request(live.harness.app)
      .get('/v1/supervision/stalled?region=440104')
      .set('Authorization', other);
    expect(outside.status).toBe(403);

    const dueAt = Date.parse(stepIn(handling, 'handle').dueAt!);
    const until = new Date(dueAt + 2 * HOUR).toISOString();
    const asked = await live.driver.post(
      caseId,
      'steps/handle/extension',
      departmentUser('yuexiu-sanitation'),
      {
        until,
        reason: '需协调渣土车',
      },
    );
    expectStatus(asked, 202, 'extension request');
    expect(stepIn(asked.body as CaseView, 'handle').request).toMatchObject({ kind: 'extension' });
    const refusedForDept = await live.driver.post(
      caseId,
      'steps/handle/extension/decision',
      departmentUser('yuexiu-sanitation'),
      { approve: true },
    );
    expect(refusedForDept.status).toBe(403);
    const decided = await live.driver.post(caseId, 'steps/handle/extension/decision', SUPERVISOR, {
      approve: true,
    });
    expectStatus(decided, 200, 'extension decision');
    expect(Date.parse(stepIn(decided.body as CaseView, 'handle').dueAt!)).toBe(dueAt + 2 * HOUR);

    await completeWhenActive(caseId, flow, 'handle');
    await completeWhenActive(caseId, flow, 'check', { fixed: false });
    const reworked = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'handle').status === 'active' && stepIn(v, 'handle').round === 2,
      'handle round 2',
    );
    expect(stepIn(reworked, 'check').status).not.toBe('active');

    const final = await live.driver.driveToClosure(caseId, flow);
    expect(final.status).toBe('closed');
    expect(stepIn(final, 'handle')).toMatchObject({ status: 'completed', round: 2 });
    expect(stepIn(final, 'check')).toMatchObject({ status: 'completed', round: 2, result: { fixed: true } });

    const entries = await timeline(caseId);
    const sanitationActor = { sub: 'yuexiu-sanitation-user', role: 'department', dept: 'yuexiu-sanitation' };
    expect(entries.filter((e) => e.type.startsWith('extension-')).map((e) => [e.type, e.actor])).toEqual([
      ['extension-requested', sanitationActor],
      ['extension-approved', { sub: SUPERVISOR.sub, role: 'supervisor' }],
    ]);
    const handled = entries.filter((e) => e.type === 'step-completed' && e.stepId === 'handle');
    expect(handled.map((e) => e.actor)).toEqual([sanitationActor, sanitationActor]);
    expect(entries.filter((e) => e.type === 'rework-started')).toHaveLength(1);
    expect(
      entries.find((e) => e.type === 'feedback-received' || e.type.startsWith('feedback'))?.actor,
    ).toEqual({
      sub: INTAKE.sub,
      role: 'intake',
    });
  });

  it('hotline.12345-complaint: claimed, returned (退单), re-dispatched and handled in round 2', async () => {
    const { caseId, flow } = await start('hotline.12345-complaint');
    await completeWhenActive(caseId, flow, 'accept');
    await completeWhenActive(caseId, flow, 'classify', { category: 'general' });
    await completeWhenActive(caseId, flow, 'dispatch');
    const handling = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'handle-general').status === 'active',
      'handle-general active',
    );
    const street = departmentUser('beijing-street-office');
    expect(stepIn(handling, 'handle-general').assignee?.department).toBe('beijing-street-office');
    expect(stepIn(handling, 'handle-general').dueAt).toBeUndefined();

    const claimed = await live.driver.post(caseId, 'steps/handle-general/claim', street, {});
    expectStatus(claimed, 200, 'claim');
    expect(stepIn(claimed.body as CaseView, 'handle-general')).toMatchObject({ status: 'claimed' });
    expect(stepIn(claimed.body as CaseView, 'handle-general').dueAt).toBeDefined();

    const returned = await live.driver.post(caseId, 'steps/handle-general/return', street, {
      reason: 'wrong-area',
      note: '不属本街道',
    });
    expectStatus(returned, 200, 'return');
    const afterReturn = returned.body as CaseView;
    expect(stepIn(afterReturn, 'handle-general').status).toBe('returned');
    expect(stepIn(afterReturn, 'dispatch')).toMatchObject({ status: 'active', round: 2 });

    await completeWhenActive(caseId, flow, 'dispatch');
    const again = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'handle-general').status === 'active' && stepIn(v, 'handle-general').round === 2,
      'handle-general round 2',
    );
    expect(stepIn(again, 'handle-general').round).toBe(2);

    const final = await live.driver.driveToClosure(
      caseId,
      flow,
      REFERENCE_CASES['hotline.12345-complaint']!.results,
    );
    expect(final.status).toBe('closed');
    expect(stepIn(final, 'handle-general')).toMatchObject({ status: 'completed', round: 2 });
    const entries = await timeline(caseId);
    expect(entries.filter((e) => e.type === 'step-returned')).toEqual([
      expect.objectContaining({
        stepId: 'handle-general',
        actor: expect.objectContaining({ sub: street.sub }),
      }),
    ]);
    expect(entries.filter((e) => e.type === 'step-claimed').map((e) => e.actor?.sub)).toEqual([
      street.sub,
      street.sub,
    ]);
  });

  it('urban.missing-manhole-cover: an emergency opened, raised and closed by a supervisor', async () => {
    const { caseId, flow } = await start('urban.missing-manhole-cover');
    const results = REFERENCE_CASES['urban.missing-manhole-cover']!.results!;
    await completeWhenActive(caseId, flow, 'verify', results['verify']);
    await live.driver.until(
      caseId,
      (v) => stepIn(v, 'secure-drainage').status === 'active',
      'secure-drainage',
    );

    const emergency = (actor: typeof SUPERVISOR, level: number, reason: string) =>
      live.driver.post(caseId, 'emergency', actor, { level, reason });
    expect((await emergency(INTAKE, 4, '有人受伤')).status).toBe(403);
    expect((await emergency(OTHER_SUPERVISOR, 4, '有人受伤')).status).toBe(403);
    const opened = await emergency(SUPERVISOR, 4, '有人跌落受伤');
    expectStatus(opened, 200, 'open emergency');
    expect(opened.body).toMatchObject({ stage: 'emergency', emergencyLevel: 4 });
    const report = stepIn(opened.body as CaseView, 'report-duty-office');
    expect(report).toMatchObject({ status: 'active', assignee: { department: 'yuexiu-duty-office' } });

    const raised = await emergency(SUPERVISOR, 2, '伤亡扩大');
    expectStatus(raised, 200, 'raise emergency');
    expect(raised.body).toMatchObject({ stage: 'emergency', emergencyLevel: 2 });
    await completeWhenActive(caseId, flow, 'report-duty-office', { reported: true, casualties: 1 });

    const closed = await emergency(SUPERVISOR, 0, '险情解除');
    expectStatus(closed, 200, 'close emergency');
    expect(closed.body).toMatchObject({ emergencyLevel: 0, status: 'open' });
    expect((closed.body as CaseView).stage).not.toBe('emergency');

    const final = await live.driver.driveToClosure(caseId, flow, results);
    expect(final.status).toBe('closed');
    expect(completedSteps(final)).toEqual(
      expect.arrayContaining([
        ...REFERENCE_CASES['urban.missing-manhole-cover']!.completed,
        'report-duty-office',
      ]),
    );
    const entries = await timeline(caseId);
    expect(entries.filter((e) => e.type.startsWith('emergency-')).map((e) => [e.type, e.actor?.sub])).toEqual(
      [
        ['emergency-opened', SUPERVISOR.sub],
        ['emergency-raised', SUPERVISOR.sub],
        ['emergency-closed', SUPERVISOR.sub],
      ],
    );
    expect(live.harness.stub.calls.some((call) => call.body.caseId === caseId)).toBe(true);
  });

  it.each(['business.startup', 'health.public-health-report'])(
    '%s: every department completes its own steps until the case closes',
    async (flowId) => {
      const { caseId, flow } = await start(flowId);
      const reference = REFERENCE_CASES[flowId]!;
      const final = await live.driver.driveToClosure(caseId, flow, reference.results);
      expect(final.status).toBe('closed');
      expect(completedSteps(final).sort()).toEqual([...reference.completed].sort());
      const entries = await timeline(caseId);
      const completions = entries.filter((e) => e.type === 'step-completed');
      const tasks = flow.steps.filter((step) => step.kind === 'task').map((step) => step.id);
      for (const entry of completions.filter((e) => tasks.includes(e.stepId ?? ''))) {
        const step = stepIn(final, entry.stepId!);
        expect(entry.actor).toEqual({
          sub: `${step.assignee!.department}-user`,
          role: 'department',
          dept: step.assignee!.department,
        });
      }
    },
  );
});
