/**
 * The action table's typing: a route whose body becomes a payload of another shape than its engine action's does
 * not compile. `npm run typecheck` covers this file, and each `@ts-expect-error` fails it if its line compiles.
 */
import type { ActionRoute } from '../../../api/actions/action-route';
import { CASE_ACTION_ROUTES } from '../../../api/actions/case-action-routes';
import { caseAction, stepAction } from '../../../api/actions/define-action-route';
import {
  ClaimStepRequestSchema,
  CompleteStepRequestSchema,
  EmergencyRequestSchema,
  SuspendRequestSchema,
} from '../../../api/schemas';

const claim = { path: 'claim', access: 'assignee', request: ClaimStepRequestSchema, summary: '' } as const;
const complete = { ...claim, path: 'complete', request: CompleteStepRequestSchema } as const;
const emergency = { path: 'e', access: 'supervisor', request: EmergencyRequestSchema, summary: '' } as const;
const suspend = { ...emergency, path: 'suspend', request: SuspendRequestSchema } as const;

describe('the action table typing', () => {
  it('refuses at compile time a payload of the wrong shape', () => {
    // @ts-expect-error a claim's payload is the step and the actor, not anything
    stepAction('claim', { ...claim, payload: () => ({ totallyWrong: 42 }) });
    // @ts-expect-error a completion carries its result
    stepAction('complete', { ...complete, payload: (_body, { stepId, actor }) => ({ stepId, actor }) });
    caseAction('setEmergency', {
      ...emergency,
      // @ts-expect-error the engine knows emergency levels 0 to 4 only
      payload: (_, { actor }) => ({ level: 7, reason: '', actor }),
    });
    // @ts-expect-error every payload records who acted
    caseAction('suspend', { ...suspend, payload: (body) => ({ ...body }) });
    const retry = stepAction('retry', {
      ...claim,
      payload: (_body, { stepId, actor }) => ({ stepId, actor }),
    });
    // @ts-expect-error a route is filed under its own action type
    const misfiled: { claim: ActionRoute<'claim'> } = { claim: retry };
    expect(misfiled.claim.type).toBe('retry');
  });

  it('files every route under the action type it runs', () => {
    for (const [type, route] of Object.entries(CASE_ACTION_ROUTES)) expect(route.type).toBe(type);
  });
});
