/**
 * One case action as the HTTP API offers it: where it is served, who may call it, the body it takes, the status
 * it answers, how a request becomes the engine's action payload (the argument of the action's Update), and how it
 * is documented. The router serves and the OpenAPI document describes every action from this one value, so a
 * route cannot behave otherwise than documented.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { Actor as EngineActor } from '../../workflows/engine/case-input';
import type { Directory } from '../../workflows/engine/directory-model';
import type { ActionPayload } from '../../workflows/messages';
import type { Role } from '../auth';
import type { ProblemStatus } from '../openapi/openapi-responses';

/**
 * Who may call an action: the department holding the step (`assignee`), a supervisor of the case's region or an
 * admin (`supervisor`), or the intake seat that may see the case (`intake`, for 回访).
 */
export type ActionAccess = 'assignee' | 'supervisor' | 'intake';

/** The roles each access lets through the route's role gate; the finer check runs once the case is read. */
export const ACCESS_ROLES: { readonly [A in ActionAccess]: readonly Role[] } = {
  assignee: ['department'],
  supervisor: ['supervisor', 'admin'],
  intake: ['intake'],
};

/** Whom the actor must be, checked against the case view once it is read. */
export type ActionGuard =
  | { readonly access: 'assignee'; readonly stepId: string }
  | { readonly access: 'supervisor' | 'intake' };

/** What a request is read with: the actor as the engine records it, and the directory (for checks before the engine). */
export interface ActionContext {
  readonly actor: EngineActor;
  readonly directory: Directory;
}

/** A request to an action route, checked: the case, the step it concerns, the idempotency key, the payload. */
export interface ActionRequest<K extends CaseActionType> {
  readonly caseId: string;
  readonly stepId?: string;
  readonly key?: string;
  readonly guard: ActionGuard;
  readonly payload: ActionPayload<K>;
}

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
  /** `required`: a request without `Idempotency-Key` is a 400; `optional`: the key is used when sent. */
  readonly idempotencyKey: 'required' | 'optional';
  /** The success status; the body is the case view after the action. */
  readonly status: 200 | 202;
  readonly summary: string;
  /** What the success response means. */
  readonly answer: string;
  /** The problem statuses the action answers besides 400, 401, 403, 404, 409, 429, 500 and 503. */
  readonly problems: readonly ProblemStatus[];
  /** Checks the path, `Idempotency-Key` and body (a ZodError is a 400) and builds the engine's payload. */
  readonly read: (req: Request, context: ActionContext) => ActionRequest<K>;
}
