/**
 * Drives a `bench.eight-tasks` case through the HTTP API as the systems of an integration would, one token per
 * system: the intake gateway starts it, then per level the case is read (`GET /v1/cases/{id}`) and every open
 * task is completed in parallel by its department's system with an Idempotency-Key. The SLA starts at
 * activation, so no task needs a claim (签收) first.
 */
import { mintToken, type Actor } from '../../../api/auth';
import { caseWorkflowId } from '../../../workflows/messages';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import {
  BENCH_FLOW_ID,
  BENCH_INTAKE,
  BENCH_REGION,
  BENCH_RESULT,
  type BenchPlan,
} from '../harness/bench-plan';
import { callApi } from './api-calls';
import { idList, levelledDriver, timed } from './levelled-driver';
import type { CaseDriver, LoadRecorder } from './load-runner';

export interface FullcycleHttpDriverOptions {
  readonly apiUrl: string;
  readonly jwtSecret: string;
  /** Prefix of the case ids, unique per run. */
  readonly runId: string;
  readonly plan: BenchPlan;
}

/** A department system's token: `sub` `<department>-system`. */
const departmentSystem = (department: string): Actor => ({
  sub: `${department}-system`,
  role: 'department',
  dept: department,
});

export async function createFullcycleHttpDriver(options: FullcycleHttpDriverOptions): Promise<CaseDriver> {
  const { apiUrl, plan } = options;
  const sign = (actor: Actor) => mintToken(options.jwtSecret, actor, { expiresIn: '12h' });
  const intake = await sign(BENCH_INTAKE);
  const tokens = new Map<string, string>();
  for (const { department } of plan.levels.flat())
    tokens.set(department, await sign(departmentSystem(department)));

  const read = (caseId: string, record: LoadRecorder) =>
    callApi({ method: 'GET', url: `${apiUrl}/v1/cases/${caseId}`, token: intake }, record);
  return levelledDriver<CaseView>(plan, {
    caseIdOf: (index) => `${options.runId}-${index}`,
    workflowIdOf: caseWorkflowId,
    async start(caseId, record) {
      const body = { flowId: BENCH_FLOW_ID, caseId, region: BENCH_REGION, data: {} };
      await callApi({ method: 'POST', url: `${apiUrl}/v1/cases`, token: intake, body }, record);
    },
    read,
    async completeLevel(caseId, level, record) {
      const caseUrl = `${apiUrl}/v1/cases/${caseId}`;
      const view = (await timed(() => read(caseId, record), record.read)) as CaseView;
      const open = view.steps.filter((step) => step.status === 'active' || step.status === 'claimed');
      if (idList(open) !== idList(level))
        throw new Error(`${caseId}: open ${idList(open)}, planned ${idList(level)}`);
      return Promise.all(
        open.map(async (step) => {
          const complete = () =>
            callApi(
              {
                method: 'POST',
                url: `${caseUrl}/steps/${step.id}/complete`,
                token: tokens.get(step.assignee!.department)!,
                body: { result: BENCH_RESULT },
                idempotencyKey: `${caseId}:${step.id}:${step.round}`,
              },
              record,
            );
          return (await timed(complete, record.completion)) as CaseView;
        }),
      );
    },
    closed: (view) => view.status === 'closed',
  });
}
