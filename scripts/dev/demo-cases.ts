/** Demo cases for `npm run dev`, started over the API with an intake token; repeats are harmless (same caseId). */
import type { Logger } from 'pino';

const GRID = '440104001001001';

/** One start request per reference flow, with fixed case ids so that a restart finds them again. */
export const DEMO_CASES = [
  {
    caseId: 'DEMO-GARBAGE-1',
    flowId: 'urban.exposed-garbage',
    region: GRID,
    data: { address: '越秀区北京路 188 号', reportedBy: 'citizen', description: '人行道旁暴露垃圾' },
  },
  {
    caseId: 'DEMO-MANHOLE-1',
    flowId: 'urban.missing-manhole-cover',
    region: GRID,
    priority: 'urgent',
    data: { address: '越秀区大塘街 12 号', injuries: false },
  },
  {
    caseId: 'DEMO-12345-1',
    flowId: 'hotline.12345-complaint',
    region: GRID,
    data: { address: '越秀区盐运西路', content: '夜间施工噪音扰民' },
  },
  {
    caseId: 'DEMO-STARTUP-1',
    flowId: 'business.startup',
    region: '440104',
    profile: 'shenzhen-2020',
    data: {
      companyName: '广州示例科技有限公司',
      companyType: 'limited-company',
      legalRepresentative: '示例',
      address: '越秀区中山五路 1 号',
      openBankAccount: true,
    },
  },
  {
    caseId: 'DEMO-HEALTH-1',
    flowId: 'health.public-health-report',
    region: '440104',
    data: {
      reportingUnit: '越秀区某医院',
      eventType: 'food-poisoning',
      description: '聚餐后多人腹泻',
      grade: 'IV',
    },
  },
] as const;

/** Starts the demo cases; a failure is logged and does not stop the dev runner. */
export async function seedDemoCases(apiUrl: string, intakeToken: string, logger: Logger): Promise<void> {
  for (const demo of DEMO_CASES) {
    try {
      const response = await fetch(`${apiUrl}/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(demo),
      });
      if (response.status >= 300) {
        logger.warn(
          { caseId: demo.caseId, status: response.status, body: await response.text() },
          'Demo case not started',
        );
      }
    } catch (error) {
      logger.warn({ caseId: demo.caseId, err: error }, 'Demo case not started');
    }
  }
}
