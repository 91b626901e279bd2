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
import { RECORD_WRITTEN_HEADER, SOURCE_HEADER } from '../ledger/case-view-or-record';
import { jsonBody, jsonResponse, problems } from './openapi-responses';
import { registerActionPaths } from './register-action-paths';

const TAG = ['Cases'];

/** The headers of an answer built from the ledger's record (docs/api.md, "Answered from the ledger"). */
const FromRecordHeadersSchema = z.object({
  [SOURCE_HEADER]: z
    .enum(['ledger'])
    .optional()
    .meta({
      description:
        "Present when the answer comes from the ledger's record, not the live case: no worker answered within " +
        'CASE_READ_QUERY_TIMEOUT_MS, Temporal was unreachable, or Temporal no longer keeps the case',
    }),
  [RECORD_WRITTEN_HEADER]: z.iso
    .datetime()
    .optional()
    .meta({ description: 'With Fullcycle-Source: when the ledger last wrote the case' }),
});
const view = jsonResponse(CaseViewSchema, 'The case view', FromRecordHeadersSchema);

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
      200: jsonResponse(
        CaseViewSchema,
        'Already started with this body: the current view',
        FromRecordHeadersSchema,
      ),
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
    description:
      "Any role that may see the case. From the ledger's record (marked Fullcycle-Source: ledger) when no worker " +
      'answers in time.',
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
    responses: {
      200: jsonResponse(TimelineSchema, 'The timeline', FromRecordHeadersSchema),
      ...problems(403, 404, 503),
    },
  });
  registerActionPaths(registry, TAG);
}
