/**
 * An app over the real routers, the shipped service data and a fake CaseGateway (the gateway is not under test
 * here): one case in 越秀 whose `handle` step is active for yuexiu-sanitation, and tokens for every role.
 */
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Express } from 'express';
import { createApp } from '../../../api/app';
import { createTokenVerifier, mintToken, type Actor } from '../../../api/auth';
import type { CaseGateway } from '../../../api/cases/case-gateway';
import { JsonAnswer } from '../../../api/cases/json-answer';
import { createApiRouters } from '../../../api/create-api-routers';
import { openLedger, type Ledger } from '../../../ledger';
import type { ServiceData } from '../../../config/load-service-data';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import type { CaseActionType } from '../../../workflows/engine/case/case-actions';
import type { MigrationPlan } from '../../../workflows/engine/migration/migration-model';
import {
  batchProgress,
  type BatchMigrationRequest,
} from '../../../workflows/engine/migration/batch-migration';
import type { ActionResult } from '../../../workflows/messages';
import { serviceData } from '../../helpers/case-fixtures';
import { createTestLogger } from '../support/test-logger';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const CASE_ID = 'GZ-1';

/** The fake case: 越秀 grid, `handle` active for yuexiu-sanitation, `check` pending for the hotline. */
export function fakeView(): CaseView {
  return {
    caseId: CASE_ID,
    flowId: 'urban.exposed-garbage',
    flowVersion: 1,
    region: '440104001001001',
    priority: 'normal',
    status: 'open',
    stage: 'action',
    emergencyLevel: 0,
    createdAt: '2026-03-02T09:30:00+08:00',
    overdue: false,
    data: { address: '北京路 1 号' },
    steps: [
      {
        id: 'handle',
        title: '处置',
        stage: 'action',
        kind: 'task',
        status: 'active',
        assignee: { department: 'yuexiu-sanitation' },
        dueAt: '2026-03-02T13:30:00+08:00',
        overdue: false,
        round: 1,
      },
    ],
  };
}

/** A migration plan of the fake case, accepted and applied. */
export function fakePlan(): MigrationPlan {
  return {
    caseId: CASE_ID,
    flowId: 'urban.exposed-garbage',
    fromVersion: 1,
    toVersion: 2,
    accepted: true,
    applied: true,
    steps: [{ from: 'handle', to: 'handle', status: 'active', decision: 'move', explanation: 'moves' }],
    newAssignees: [],
    notes: [],
    errors: [],
  };
}

/** What the fake gateway answers each action with. */
const ANSWERS: { readonly [K in CaseActionType]: () => ActionResult<K> } = {
  claim: fakeView,
  complete: fakeView,
  return: fakeView,
  requestExtension: fakeView,
  decideExtension: fakeView,
  requestPark: fakeView,
  decidePark: fakeView,
  decideRework: fakeView,
  urge: fakeView,
  reassign: fakeView,
  setEmergency: fakeView,
  suspend: fakeView,
  resume: fakeView,
  cancel: fakeView,
  feedback: fakeView,
  retry: fakeView,
  updateData: fakeView,
  migrate: fakePlan,
};

/**
 * What the fake case's Update validator refuses, as the engine's does: a department acting on a step the case
 * has not reached, or on a step assigned to another department.
 */
function departmentRefusal(payload: object): WorkflowUpdateFailedError | undefined {
  const actor = 'actor' in payload ? (payload.actor as { role?: string; dept?: string }) : undefined;
  if (actor?.role !== 'department' || !('stepId' in payload)) return undefined;
  const step = fakeView().steps.find((candidate) => candidate.id === payload.stepId);
  const [type, message] =
    step === undefined
      ? ['StepNotActiveError', `Step '${String(payload.stepId)}' is not active`]
      : step.assignee?.department === actor.dept
        ? []
        : ['StepNotAssignedError', `Step '${step.id}' is not assigned to your department`];
  if (type === undefined) return undefined;
  return new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, nonRetryable: true }),
  );
}

/** Calls the fake gateway saw (actions: the ones the fake case applied). */
export interface GatewayCalls {
  act: { caseId: string; type: string; payload: unknown; updateId?: string; requestDigest?: string }[];
  started: unknown[];
  planned: { caseId: string; payload: unknown }[];
  batches: BatchMigrationRequest[];
}

/** The fake gateway: `view` and `act` know only CASE_ID. */
export function createFakeGateway(): {
  gateway: CaseGateway;
  calls: GatewayCalls;
} {
  const calls: GatewayCalls = { act: [], started: [], planned: [], batches: [] };
  const gateway: CaseGateway = {
    start(input, request) {
      calls.started.push(request);
      if (calls.started.length > 1) return Promise.resolve({ created: false });
      return Promise.resolve({
        created: true,
        view: JsonAnswer.ofValue({ ...fakeView(), caseId: input.caseId }),
      });
    },
    view(caseId) {
      if (caseId !== CASE_ID)
        return Promise.reject(new WorkflowNotFoundError('not found', `case-${caseId}`, undefined));
      return Promise.resolve(JsonAnswer.ofValue(fakeView()));
    },
    timeline: () => Promise.resolve([]),
    startFlowMigration(request) {
      calls.batches.push(request);
      return Promise.resolve(calls.batches.filter((b) => b.migrationId === request.migrationId).length === 1);
    },
    flowMigration(migrationId) {
      const request = calls.batches.find((b) => b.migrationId === migrationId);
      if (request === undefined) {
        return Promise.reject(
          new WorkflowNotFoundError('not found', `flow-migration-${migrationId}`, undefined),
        );
      }
      return Promise.resolve(batchProgress(request, [], []));
    },
    startCalendarPublication: () => Promise.resolve(true),
    // Temporal closed no case outside the engine here.
    closures: { closure: () => Promise.resolve(undefined), firstBatch: () => Promise.resolve(undefined) },
    calendarPublication: (calendar, revision) =>
      Promise.reject(
        new WorkflowNotFoundError('not found', `calendar-publication-${calendar}-${revision}`, undefined),
      ),
    planMigration(caseId, payload) {
      calls.planned.push({ caseId, payload });
      return Promise.resolve({ ...fakePlan(), applied: false });
    },
    act(caseId, type, payload, keyed) {
      if (caseId !== CASE_ID)
        return Promise.reject(new WorkflowNotFoundError('not found', `case-${caseId}`, undefined));
      const refusal = departmentRefusal(payload);
      if (refusal !== undefined) return Promise.reject(refusal);
      const { updateId, requestDigest } = keyed ?? {};
      calls.act.push({ caseId, type, payload, ...(keyed === undefined ? {} : { updateId, requestDigest }) });
      return Promise.resolve(JsonAnswer.ofValue(ANSWERS[type]()));
    },
  };
  return { gateway, calls };
}

/** The app over the fake gateway, with the clock pinned; the shipped service data unless `service` is given. */
export async function createFakeApp(
  gateway: CaseGateway,
  ledger?: Ledger,
  service?: ServiceData,
): Promise<Express> {
  const { logger } = createTestLogger();
  const verifier = createTokenVerifier({ secret: SECRET });
  const routers = createApiRouters({
    gateway,
    ledger: ledger ?? (await openLedger({ file: ':memory:' })),
    service: service ?? (await serviceData()),
    verifier,
    logger,
    now: () => Date.parse('2026-03-05T10:00:00+08:00'),
  });
  return createApp({ logger, checkTemporal: () => Promise.resolve(), routers });
}

/** Tokens for the roles the tests use. */
export const ACTORS = {
  intakeYuexiu: { sub: 'seat-1', role: 'intake', region: '440104' },
  intakeTianhe: { sub: 'seat-2', role: 'intake', region: '440106' },
  sanitation: { sub: 'w-1', role: 'department', dept: 'yuexiu-sanitation' },
  otherDept: { sub: 'w-2', role: 'department', dept: 'tianhe-sanitation' },
  supervisorYuexiu: { sub: 'sup-1', role: 'supervisor', region: '440104' },
  supervisorTianhe: { sub: 'sup-2', role: 'supervisor', region: '440106' },
  designer: { sub: 'd-1', role: 'designer' },
  admin: { sub: 'a-1', role: 'admin' },
} satisfies Record<string, Actor>;

export type ActorName = keyof typeof ACTORS;

/** A bearer header for the named actor. */
export async function bearer(name: ActorName): Promise<string> {
  return `Bearer ${await mintToken(SECRET, ACTORS[name], { expiresIn: '10m' })}`;
}
