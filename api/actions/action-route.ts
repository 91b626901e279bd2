/**
 * One case action as the HTTP API offers it: where it is served, who may call it, the body it takes, the status
 * it answers, how a request becomes the engine's action payload (the argument of the action's Update), and how it
 * is documented. The router serves and the OpenAPI document describes every action from this one value, so a
 * route cannot behave otherwise than documented.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { CaseView } from '../../workflows/engine/case/case-view';
import type { Actor as EngineActor } from '../../workflows/engine/case-input';
import type { Directory } from '../../workflows/engine/directory-model';
import type { ActionPayload, ActionResult } from '../../workflows/messages';
import type { Role } from '../auth';
import type { FlowLookup } from '../cases/build-case-input';
import type { CaseGateway } from '../cases/case-gateway';
import type { ProblemStatus } from '../openapi/openapi-responses';

/**
 * Who may call an action: the department holding the step (`assignee`), a supervisor of the case's region or an
 * admin (`supervisor`), the intake seat that may see the case (`intake`, for 回访), or a designer or admin, on any
 * case, answered without case data (`designer`, for migration).
 */
export type ActionAccess = 'assignee' | 'supervisor' | 'intake' | 'designer';

/** The roles each access lets through the route's role gate; the finer check runs once the case is read. */
export const ACCESS_ROLES: { readonly [A in ActionAccess]: readonly Role[] } = {
  assignee: ['department'],
  supervisor: ['supervisor', 'admin'],
  intake: ['intake'],
  designer: ['designer', 'admin'],
};

/** Whom the actor must be, checked against the case view once it is read. */
export type ActionGuard =
  | { readonly access: 'assignee'; readonly stepId: string }
  | { readonly access: 'supervisor' | 'intake' | 'designer' };

/**
 * What a payload is built with: the actor as the engine records it, the directory, the flow catalogue and
 * calendars (a migration's target).
 */
export interface ActionContext {
  readonly actor: EngineActor;
  readonly directory: Directory;
  readonly flows: FlowLookup;
  readonly calendars: ReadonlyMap<string, WorkingCalendar>;
}

/** The context of an action whose route reads the case first: with the case view. */
export interface ReadCaseContext extends ActionContext {
  readonly view: CaseView;
}

/**
 * A request to an action route, checked (path, idempotency key, body): the case, the step it concerns, whether
 * only a dry run is asked, and the engine's payload. A department's action on its step (`readsCase: false`) goes
 * to the case without reading it first: the Update's validator refuses what the engine would (not assigned, not
 * active, closed), and only a refusal reads the case to answer as a read-first route would. Every other action
 * reads the case first (its region decides who may act), and its payload may use the view.
 */
export type ActionRequest<K extends CaseActionType> = {
  readonly caseId: string;
  readonly stepId?: string;
  readonly key?: string;
  /** The body as validated (what an `Idempotency-Key` is bound to, with the action, case, step and actor). */
  readonly body: unknown;
  readonly guard: ActionGuard;
  readonly dryRun: boolean;
} & (
  | { readonly readsCase: false; readonly payload: (context: ActionContext) => ActionPayload<K> }
  | { readonly readsCase: true; readonly payload: (context: ReadCaseContext) => ActionPayload<K> }
);

/** An action route, as the router serves it and the OpenAPI document describes it. */
export interface ActionRoute<K extends CaseActionType> {
  /** The engine action, and the name of its Update. */
  readonly type: K;
  /** OpenAPI path template: `/v1/cases/{caseId}/steps/{stepId}/claim`. */
  readonly path: string;
  /** Schema of the path parameters. */
  readonly params: z.ZodObject;
  readonly access: ActionAccess;
  /** Schema of the JSON body. */
  readonly request: z.ZodType;
  /** Schema of the success body: the Update's answer (ActionResult), the case view for every action but migrate. */
  readonly response: z.ZodType;
  /** `required`: a request without `Idempotency-Key` is a 400; `optional`: the key is used when sent. */
  readonly idempotencyKey: 'required' | 'optional';
  /** The success status. */
  readonly status: 200 | 202;
  readonly summary: string;
  /** What the success response means. */
  readonly answer: string;
  /** The problem statuses the action answers besides 400, 401, 403, 404, 409, 429, 500 and 503. */
  readonly problems: readonly ProblemStatus[];
  /** Checks the path, `Idempotency-Key` and body (a ZodError is a 400). */
  readonly read: (req: Request) => ActionRequest<K>;
  /**
   * Answers a dry run (the body asked for one) without touching the case; absent when the action has none. (A
   * method, so that the table's union of routes serves as one route type.)
   */
  preview?(gateway: CaseGateway, caseId: string, payload: ActionPayload<K>): Promise<ActionResult<K>>;
}
