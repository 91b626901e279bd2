/**
 * The `/v1/cases` routes of the contract: start, read, and (from the action table) every action on a case or one
 * of its steps.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  CaseParamsSchema,
  CaseViewSchema,
  OptionalIdempotencyKeyHeadersSchema,
  StartCaseRequestSchema,
  TimelineSchema,
} from '../schemas';
import { jsonBody, jsonResponse, problems } from './openapi-responses';
import { registerActionPaths } from './register-action-paths';

const TAG = ['Cases'];
const view = jsonResponse(CaseViewSchema, 'The case view');

export function registerCasePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/cases',
    tags: TAG,
    summary: 'Start a case',
    description:
      'Roles: intake, admin. The same caseId with the same body again answers 200 and starts nothing. Without a ' +
      'caseId, the same Idempotency-Key (from the same token subject) does the same.',
    request: { headers: OptionalIdempotencyKeyHeadersSchema, ...jsonBody(StartCaseRequestSchema) },
    responses: {
      200: jsonResponse(CaseViewSchema, 'Already started with this body: the current view'),
      201: jsonResponse(
        CaseViewSchema,
        'Started',
        z.object({ Location: z.string().meta({ example: '/v1/cases/GZ-1' }) }),
      ),
      ...problems(400, 403, 404, 409, 422, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{caseId}',
    tags: TAG,
    summary: 'The case view',
    description: 'Any role that may see the case.',
    request: { params: CaseParamsSchema },
    responses: { 200: view, ...problems(403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{caseId}/timeline',
    tags: TAG,
    summary: 'Everything that happened, oldest first, with who did it',
    description: 'Any role that may see the case.',
    request: { params: CaseParamsSchema },
    responses: { 200: jsonResponse(TimelineSchema, 'The timeline'), ...problems(403, 404, 503) },
  });
  registerActionPaths(registry, TAG);
}
