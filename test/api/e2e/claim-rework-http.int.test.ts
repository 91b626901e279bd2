/**
 * Claim limits (签收时限) and a supervisor's decision after too many reworks, over HTTP on the real dev server, with
 * the fixture flows of test/fixtures/flows/claim-rework (a claim limit of 2 seconds; a rework with max 1 and
 * onExceeded: decide). Stalled lists and the inbox are read from the ledger, as in production.
 */
import request from 'supertest';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import type { Flow } from '../../../workflows/engine/flow-model';
import { eventually } from '../../helpers/eventually';
import {
  SUPERVISOR,
  bearer,
  departmentUser,
  expectStatus,
  stepIn,
  timelineOf,
  useHttpHarness,
} from '../support/http-case-harness';
import { CLAIM_REWORK_FLOWS_DIR, failReworkRounds, startFixtureCase } from '../support/claim-rework-cases';

const SANITATION = departmentUser('yuexiu-sanitation');

interface StalledItem {
  caseId: string;
  claimOverdue: boolean;
  awaitingDecision: boolean;
}

describe('claim limits and rework decisions, over HTTP', () => {
  const live = useHttpHarness({ flowsDir: CLAIM_REWORK_FLOWS_DIR });
  const flow = (id: string): Flow => live.harness.service.flows.get(id, 1)!;

  const start = (flowId: string, prefix: string) => startFixtureCase(live.harness.app, flowId, prefix);

  async function stalled(query: string): Promise<StalledItem[]> {
    const response = await request(live.harness.app)
      .get(`/v1/supervision/stalled?pageSize=100&${query}`)
      .set('Authorization', await bearer(SUPERVISOR));
    expectStatus(response, 200, 'stalled');
    return (response.body as { items: StalledItem[] }).items;
  }

  /** Polls the stalled list with `query` until the case is in it (or, with `present: false`, not). */
  function untilStalled(query: string, caseId: string, present = true): Promise<StalledItem | true> {
    return eventually(
      async () => {
        const item = (await stalled(query)).find((candidate) => candidate.caseId === caseId);
        if (present) return item;
        return item === undefined ? true : undefined;
      },
      `${caseId} ${present ? 'in' : 'out of'} stalled?${query}`,
    );
  }

  it('an unclaimed step goes overdue for claiming, is urged, escalates and shows as stalled until claimed', async () => {
    const caseId = await start('fixture.claim-limit', 'E2E-CLAIM');
    const fresh = await live.driver.until(caseId, (v) => stepIn(v, 'handle').status === 'active', 'handle');
    expect(stepIn(fresh, 'handle')).toMatchObject({ claimDueAt: expect.any(String) });
    expect(stepIn(fresh, 'handle').dueAt).toBeUndefined();

    const overdue = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'handle').claimOverdue === true && (v.metrics?.escalations ?? 0) > 0,
      'overdue for claiming and escalated',
    );
    expect(overdue.metrics).toMatchObject({ claimsOverdue: 1, claimOverdueSteps: 1, urges: 1 });
    const types = (await timelineOf(live.harness.app, caseId)).map((entry) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['claim-overdue', 'urged', 'escalated']));

    expect(await untilStalled('claimOverdue=true', caseId)).toMatchObject({
      claimOverdue: true,
      awaitingDecision: false,
    });
    const inbox = await eventually(async () => {
      const response = await request(live.harness.app)
        .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=100')
        .set('Authorization', await bearer(SANITATION));
      expectStatus(response, 200, 'inbox');
      const items = (response.body as { items: { caseId: string; claimOverdue?: boolean }[] }).items;
      return items.find((item) => item.caseId === caseId && item.claimOverdue === true);
    }, 'inbox item overdue for claiming');
    expect(inbox).toMatchObject({ stepId: 'handle', claimDueAt: expect.any(String) });

    const claimed = await live.driver.post(caseId, 'steps/handle/claim', SANITATION, {});
    expectStatus(claimed, 200, 'claim');
    expect(stepIn(claimed.body as CaseView, 'handle')).toMatchObject({
      status: 'claimed',
      claimOverdue: false,
      dueAt: expect.any(String),
    });
    await untilStalled('claimOverdue=true', caseId, false);
    await live.driver.driveToClosure(caseId, flow('fixture.claim-limit'));
  });

  /** A case of the rework fixture whose check failed twice: past max 1, waiting for a decision. */
  async function awaitingDecision(prefix: string): Promise<string> {
    const caseId = await start('fixture.rework-decision', prefix);
    await failReworkRounds(live.driver, caseId, flow('fixture.rework-decision'), [1, 2]);
    const waiting = await live.driver.view(caseId);
    expect(waiting).toMatchObject({ status: 'open', stage: 'supervision' });
    expect(stepIn(waiting, 'check')).toMatchObject({ status: 'completed', reworkDecision: { reworks: 1 } });
    expect(stepIn(waiting, 'tell').status).toBe('pending');
    expect(await untilStalled('awaitingDecision=true', caseId)).toMatchObject({ awaitingDecision: true });
    return caseId;
  }

  const decide = (caseId: string, body: object) =>
    live.driver.post(caseId, 'steps/check/rework/decision', SUPERVISOR, body);

  it('another round: the rework runs again and the case closes once fixed', async () => {
    const caseId = await awaitingDecision('E2E-DECIDE-ROUND');
    const department = await live.driver.post(caseId, 'steps/check/rework/decision', SANITATION, {
      decision: 'another-round',
    });
    expectStatus(department, 403, 'a department may not decide');
    const decided = await decide(caseId, { decision: 'another-round', note: '再返工一次' });
    expectStatus(decided, 200, 'decide');
    expect(stepIn(decided.body as CaseView, 'handle')).toMatchObject({ status: 'active', round: 3 });
    expectStatus(await decide(caseId, { decision: 'another-round' }), 409, 'no decision pending any more');
    await untilStalled('awaitingDecision=true', caseId, false);
    const closed = await live.driver.driveToClosure(caseId, flow('fixture.rework-decision'), {
      check: { fixed: true },
    });
    expect(closed.metrics).toMatchObject({ reworks: 2 });
    const decidedBy = (await timelineOf(live.harness.app, caseId)).find((e) => e.type === 'rework-decided');
    expect(decidedBy?.actor).toMatchObject({ sub: SUPERVISOR.sub, role: 'supervisor' });
  });

  it('close as unresolved: the case closes, marked unresolved, and leaves the stalled list', async () => {
    const caseId = await awaitingDecision('E2E-DECIDE-CLOSE');
    const decided = await decide(caseId, { decision: 'close-unresolved', note: '无法解决，转信访' });
    expectStatus(decided, 200, 'decide');
    expect(decided.body).toMatchObject({ status: 'closed', unresolved: true });
    expect(stepIn(decided.body as CaseView, 'tell').status).toBe('cancelled');
    await untilStalled('', caseId, false);
  });

  it('reassign: the rework round goes to another department, which completes it', async () => {
    const caseId = await awaitingDecision('E2E-DECIDE-REASSIGN');
    const unknown = await decide(caseId, { decision: 'reassign', department: 'no-such-department' });
    expectStatus(unknown, 422, 'unknown department');
    const missing = await decide(caseId, { decision: 'reassign' });
    expectStatus(missing, 422, 'reassign without a department');
    const decided = await decide(caseId, { decision: 'reassign', department: 'yuexiu-government' });
    expectStatus(decided, 200, 'decide');
    expect(stepIn(decided.body as CaseView, 'handle')).toMatchObject({
      status: 'active',
      round: 3,
      assignee: { department: 'yuexiu-government' },
    });
    const refused = await live.driver.post(
      caseId,
      'steps/handle/complete',
      SANITATION,
      {
        result: { done: true },
      },
      `k-${caseId}-refused`,
    );
    expectStatus(refused, 403, 'the former department no longer holds the step');
    const closed = await live.driver.driveToClosure(caseId, flow('fixture.rework-decision'), {
      check: { fixed: true },
    });
    expect(closed.status).toBe('closed');
  });
});
