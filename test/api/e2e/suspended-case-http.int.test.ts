/**
 * What a suspended case answers, over HTTP: suspending it again says it is already suspended, a supervisor's other
 * action says which action waits for the resume, a department's says it waits for a supervisor (it cannot resume),
 * and resuming a case that is not suspended says there is nothing to resume. Status and slug stay the contract's.
 */
import type { Actor } from '../../../api/auth';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import {
  SUPERVISOR,
  expectStatus,
  startReferenceCase,
  stepIn,
  useHttpHarness,
} from '../support/http-case-harness';

describe('actions on a suspended case, over HTTP', () => {
  const live = useHttpHarness();

  /** The status, the slug (the type's last segment) and the detail of the answer. */
  async function answer(caseId: string, path: string, body: object, actor: Actor = SUPERVISOR) {
    const response = await live.driver.post(caseId, path, actor, body);
    const problem = response.body as { type?: string; detail?: string };
    return { status: response.status, slug: problem.type?.split('/').pop(), detail: problem.detail };
  }

  it('says the case is already suspended, which action waits for the resume, and that an open case has nothing to resume', async () => {
    const caseId = await startReferenceCase(live.harness.app, 'urban.exposed-garbage', 'SUSPENDED');
    const view = await live.driver.until(caseId, (v) => stepIn(v, 'verify').status === 'active', 'verify');

    await expect(answer(caseId, 'resume', { reason: '误操作' })).resolves.toEqual({
      status: 409,
      slug: 'case-not-suspended',
      detail: 'The case is not suspended; there is nothing to resume',
    });

    const suspended = await live.driver.post(caseId, 'suspend', SUPERVISOR, { reason: '等待权属认定' });
    expectStatus(suspended, 200, 'suspend');
    expect((suspended.body as CaseView).status).toBe('suspended');

    const inspector = live.driver.assigneeOf(stepIn(view, 'verify'));
    const refusals: [path: string, body: object, actor: Actor, detail: string][] = [
      ['suspend', { reason: '再次挂起' }, SUPERVISOR, 'The case is already suspended'],
      [
        'emergency',
        { level: 4, reason: '行人受伤' },
        SUPERVISOR,
        'The case is suspended; resume it before opening, changing or closing an emergency',
      ],
      ['urge', { stepId: 'verify' }, SUPERVISOR, 'The case is suspended; resume it before urging a step'],
      [
        'data',
        { data: { address: '越秀区北京路 2 号' }, reason: '来电更正' },
        SUPERVISOR,
        'The case is suspended; resume it before correcting its data',
      ],
      ['steps/verify/claim', {}, inspector, 'The case is suspended; it waits until a supervisor resumes it'],
    ];
    for (const [path, body, actor, detail] of refusals) {
      await expect(answer(caseId, path, body, actor)).resolves.toEqual({
        status: 409,
        slug: 'case-suspended',
        detail,
      });
    }

    const resumed = await live.driver.post(caseId, 'resume', SUPERVISOR, { reason: '权属已认定' });
    expectStatus(resumed, 200, 'resume');
    expect((resumed.body as CaseView).status).toBe('open');
  });
});
