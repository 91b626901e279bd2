import request from 'supertest';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { withCaseWorker } from '../../helpers/temporal-test-env';
import { createTestLogger } from '../support/test-logger';
import {
  HttpCaseDriver,
  INTAKE,
  SUPERVISOR,
  bearer,
  departmentUser,
  startHttpHarness,
  stepIn,
} from '../support/http-case-harness';

const PERSONAL = {
  callerName: '欧阳娜娜',
  callerPhone: '13912345678',
  address: '越秀区北京路 88 号 3 栋 502',
  content: '楼下烧烤店油烟扰民，住在502的欧阳娜娜投诉',
};

describe('request logs of a case driven over HTTP', () => {
  it('name the request id, actor and case on every line about the case, and never the token or personal data', async () => {
    const { logger, lines } = createTestLogger();
    const harness = await startHttpHarness(logger);
    const driver = new HttpCaseDriver(harness.app, harness.service);
    const flow = harness.service.flows.get('hotline.12345-complaint')!;
    const caseId = uniqueCaseId('LOG');
    const tokens: string[] = [];
    const auth = async (actor: Parameters<typeof bearer>[0]) => {
      const token = await bearer(actor);
      tokens.push(token.slice('Bearer '.length));
      return token;
    };
    try {
      await withCaseWorker(harness.taskQueue, async () => {
        const started = await request(harness.app)
          .post('/v1/cases')
          .set('Authorization', await auth(INTAKE))
          .send({ caseId, flowId: flow.id, region: '440104001001001', data: PERSONAL });
        expect(started.status).toBe(201);
        for (const stepId of ['accept', 'classify', 'dispatch']) {
          const view = await driver.until(caseId, (v) => stepIn(v, stepId).status === 'active', stepId);
          await driver.complete(
            caseId,
            flow,
            stepIn(view, stepId),
            stepId === 'classify' ? { category: 'general' } : undefined,
          );
        }
        await driver.until(caseId, (v) => stepIn(v, 'handle-general').status === 'active', 'handling');
        const street = departmentUser('beijing-street-office');
        const post = async (path: string, actor: typeof street, body: object, key?: string) => {
          const call = request(harness.app)
            .post(`/v1/cases/${caseId}/${path}`)
            .set('Authorization', await auth(actor));
          if (key !== undefined) call.set('Idempotency-Key', key);
          return call.send(body);
        };
        // Refusals are logged too: another department, a result that does not match the form, a bad body.
        expect(
          (await post('steps/handle-general/claim', departmentUser('liurong-street-office'), {})).status,
        ).toBe(403);
        expect((await post('steps/handle-general/claim', street, {})).status).toBe(200);
        const bad = await post(
          'steps/handle-general/complete',
          street,
          { result: { reply: PERSONAL.callerPhone } },
          'k-bad',
        );
        expect(bad.status).toBe(422);
        expect(
          (await post('emergency', SUPERVISOR, { level: 'high', reason: PERSONAL.address })).status,
        ).toBe(400);
        const final: CaseView = await driver.driveToClosure(caseId, flow);
        expect(final.status).toBe('closed');
        const timeline = await request(harness.app)
          .get(`/v1/cases/${caseId}/timeline`)
          .set('Authorization', await auth(SUPERVISOR));
        expect(timeline.status).toBe(200);
      });
    } finally {
      await harness.close();
    }

    const all = lines();
    const about = all.filter((line) => JSON.stringify(line).includes(caseId));
    expect(about.length).toBeGreaterThanOrEqual(10);
    for (const line of about) {
      const requestId = line['reqId'] ?? (line['req'] as { id?: unknown } | undefined)?.id;
      expect({
        msg: line['msg'],
        requestId: typeof requestId,
        actor: line['actor'],
        caseId: line['caseId'],
      }).toEqual({
        msg: line['msg'],
        requestId: 'string',
        actor: expect.objectContaining({ sub: expect.any(String), role: expect.any(String) }),
        caseId,
      });
    }
    expect(about.some((line) => line['msg'] === 'Case started')).toBe(true);
    expect(about.filter((line) => line['msg'] === 'Case action applied').length).toBeGreaterThanOrEqual(5);

    const text = all.map((line) => JSON.stringify(line)).join('\n');
    expect(text).not.toMatch(/Bearer|eyJ/);
    for (const token of tokens) expect(text).not.toContain(token);
    for (const value of Object.values(PERSONAL)) expect(text).not.toContain(value);
    expect(text).not.toContain('欧阳');
  });
});
