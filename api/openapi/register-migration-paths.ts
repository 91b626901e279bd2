/** The batch migration routes: start one over the running cases of a flow version, and follow it. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  FlowMigrationParamsSchema,
  FlowMigrationProgressSchema,
  FlowMigrationRequestSchema,
  FlowParamsSchema,
  OptionalIdempotencyKeyHeadersSchema,
} from '../schemas';
import { jsonBody, jsonResponse, problems } from './openapi-responses';

const TAG = ['Flows'];
const WHO = 'Roles: designer, admin.';

export function registerMigrationPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/flows/{flowId}/migrations',
    tags: TAG,
    summary: 'Migrate every running case of a version (and region) to another version, as a durable batch',
    description: `${WHO} The same Idempotency-Key again answers the same migration (200) and starts nothing.`,
    request: {
      params: FlowParamsSchema,
      headers: OptionalIdempotencyKeyHeadersSchema,
      ...jsonBody(FlowMigrationRequestSchema),
    },
    responses: {
      202: jsonResponse(FlowMigrationProgressSchema, 'Started; follow it at the Location'),
      200: jsonResponse(FlowMigrationProgressSchema, 'Already started with this Idempotency-Key'),
      ...problems(400, 403, 404, 422, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/flows/{flowId}/migrations/{migrationId}',
    tags: TAG,
    summary: "A batch migration's progress and each case's outcome",
    description: WHO,
    request: { params: FlowMigrationParamsSchema },
    responses: {
      200: jsonResponse(FlowMigrationProgressSchema, 'The progress'),
      ...problems(400, 403, 404, 503),
    },
  });
}
