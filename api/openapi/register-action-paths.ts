/**
 * The OpenAPI entries of the case actions, one per route of the action table: the same path, roles, body,
 * `Idempotency-Key` rule and success status the router serves.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { ActionAccess } from '../actions/action-route';
import { CASE_ACTION_ROUTES } from '../actions/case-action-routes';
import { IdempotencyKeyHeadersSchema, OptionalIdempotencyKeyHeadersSchema } from '../schemas';
import { jsonBody, jsonResponse, problems } from './openapi-responses';

const WHO: { readonly [A in ActionAccess]: string } = {
  assignee: 'Role: department (the step must be assigned to it).',
  supervisor: 'Roles: supervisor (case within its region), admin.',
  intake: 'Role: intake (case within its region).',
  designer: 'Roles: designer, admin (any case; the answer carries no case data).',
};

/** What an `Idempotency-Key` does on every action (docs/api.md, "Idempotency"). */
const IDEMPOTENCY =
  'The same Idempotency-Key again with the same request (action, step, body, caller) answers the first answer and ' +
  'applies nothing twice; with another request it is 409 `idempotency-key-reused` and changes nothing (cases ' +
  'started before engine revision 8 answer the first answer).';

/** Registers every action route. */
export function registerActionPaths(registry: OpenAPIRegistry, tags: string[]): void {
  for (const route of Object.values(CASE_ACTION_ROUTES)) {
    const headers =
      route.idempotencyKey === 'required' ? IdempotencyKeyHeadersSchema : OptionalIdempotencyKeyHeadersSchema;
    registry.registerPath({
      method: 'post',
      path: route.path,
      tags,
      summary: route.summary,
      description: `${WHO[route.access]} ${IDEMPOTENCY}`,
      request: {
        params: route.params,
        headers,
        ...jsonBody(route.request, !route.request.safeParse({}).success),
      },
      responses: {
        [route.status]: jsonResponse(route.response, route.answer),
        ...problems(400, 403, 404, 409, 503, ...route.problems),
      },
    });
  }
}
