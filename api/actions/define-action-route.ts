/**
 * Builders of action routes: `stepAction` for `/v1/cases/{caseId}/steps/{stepId}/…`, `caseAction` for
 * `/v1/cases/{caseId}/…`. Each takes the action type and a spec whose `payload` turns the parsed body into exactly
 * the engine's payload for that type: a payload of another shape is a compile error.
 */
import type { z } from 'zod';
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { ActionPayload } from '../../workflows/messages';
import type { ProblemStatus } from '../openapi/openapi-responses';
import { CaseParamsSchema, CaseViewSchema, StepParamsSchema } from '../schemas';
import type { ActionAccess, ActionContext, ActionRoute, ReadCaseContext } from './action-route';
import { idempotencyKeyOf } from './idempotency-key';

interface ActionSpec<S extends z.ZodType> {
  /** The path below the step (`extension/decision`) or the case (`emergency`). */
  readonly path: string;
  /** Schema of the JSON body; an absent body is read as `{}`. */
  readonly request: S;
  readonly summary: string;
  /** Default 200. */
  readonly status?: 200 | 202;
  /** Default `The case view`. */
  readonly answer?: string;
  /** Default `optional`. */
  readonly idempotencyKey?: 'required' | 'optional';
  /** Problem statuses besides the ones every action answers. */
  readonly problems?: readonly ProblemStatus[];
}

/** An action on the step named in the path. */
export interface StepActionSpec<K extends CaseActionType, S extends z.ZodType> extends ActionSpec<S> {
  readonly access: Extract<ActionAccess, 'assignee' | 'supervisor'>;
  readonly payload: (
    body: z.output<S>,
    context: ActionContext & { readonly stepId: string },
  ) => ActionPayload<K>;
}

/** An action on the whole case (the body may name a step). */
export interface CaseActionSpec<K extends CaseActionType, S extends z.ZodType> extends ActionSpec<S> {
  readonly access: Extract<ActionAccess, 'supervisor' | 'intake' | 'designer'>;
  readonly payload: (body: z.output<S>, context: ReadCaseContext) => ActionPayload<K>;
  /** Default the case view (CaseViewSchema). */
  readonly response?: z.ZodType;
  /** An action that offers a dry run: whether the body asks for one, and how it is answered. */
  readonly dryRun?: {
    readonly requested: (body: z.output<S>) => boolean;
    readonly preview: NonNullable<ActionRoute<K>['preview']>;
  };
}

/** The route of an action on one step. */
export function stepAction<K extends CaseActionType, S extends z.ZodType>(
  type: K,
  spec: StepActionSpec<K, S>,
): ActionRoute<K> {
  return {
    ...describe(type, spec, `/v1/cases/{caseId}/steps/{stepId}/${spec.path}`),
    params: StepParamsSchema,
    response: CaseViewSchema,
    read: (req) => {
      const { caseId, stepId } = StepParamsSchema.parse(req.params);
      const key = idempotencyKeyOf(req, spec.idempotencyKey ?? 'optional');
      const body = spec.request.parse(req.body ?? {});
      const payload = (context: ActionContext) => spec.payload(body, { ...context, stepId });
      const request = { caseId, stepId, key, body, dryRun: false, payload };
      return spec.access === 'assignee'
        ? { ...request, guard: { access: spec.access, stepId }, readsCase: false }
        : { ...request, guard: { access: spec.access }, readsCase: true };
    },
  };
}

/** The route of an action on a whole case. */
export function caseAction<K extends CaseActionType, S extends z.ZodType>(
  type: K,
  spec: CaseActionSpec<K, S>,
): ActionRoute<K> {
  return {
    ...describe(type, spec, `/v1/cases/{caseId}/${spec.path}`),
    params: CaseParamsSchema,
    response: spec.response ?? CaseViewSchema,
    read: (req) => {
      const { caseId } = CaseParamsSchema.parse(req.params);
      const key = idempotencyKeyOf(req, spec.idempotencyKey ?? 'optional');
      const body = spec.request.parse(req.body ?? {});
      const dryRun = spec.dryRun?.requested(body) ?? false;
      const payload = (context: ReadCaseContext) => spec.payload(body, context);
      return { caseId, key, body, guard: { access: spec.access }, dryRun, readsCase: true, payload };
    },
    ...(spec.dryRun !== undefined ? { preview: spec.dryRun.preview } : {}),
  };
}

function describe<K extends CaseActionType>(
  type: K,
  spec: ActionSpec<z.ZodType> & { readonly access: ActionAccess },
  path: string,
): Omit<ActionRoute<K>, 'params' | 'read' | 'response' | 'preview'> {
  return {
    type,
    path,
    access: spec.access,
    request: spec.request,
    idempotencyKey: spec.idempotencyKey ?? 'optional',
    status: spec.status ?? 200,
    summary: spec.summary,
    answer: spec.answer ?? 'The case view',
    problems: spec.problems ?? [],
  };
}

/** The step an action's payload concerns (a step action's, or the one a case action names: urge, reassign). */
export function stepNamedIn(payload: object): string | undefined {
  return 'stepId' in payload && typeof payload.stepId === 'string' ? payload.stepId : undefined;
}
