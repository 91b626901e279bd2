/**
 * The department inbox and the supervision routes of the contract.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  DepartmentIdSchema,
  InboxPageSchema,
  InboxQuerySchema,
  StalledPageSchema,
  StalledQuerySchema,
  SummaryQuerySchema,
  SummarySchema,
} from '../schemas';
import { jsonResponse, problems } from './openapi-responses';

export function registerSupervisionPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/departments/{dept}/tasks',
    tags: ['Departments'],
    summary: "The department's inbox: active or claimed steps assigned to it, soonest deadline first",
    description: 'Roles: that department, supervisor, admin.',
    request: { params: z.object({ dept: DepartmentIdSchema }), query: InboxQuerySchema },
    responses: { 200: jsonResponse(InboxPageSchema, 'A page of tasks'), ...problems(400, 403, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/supervision/stalled',
    tags: ['Supervision'],
    summary: "Open cases that are stuck, within the token's region",
    description: 'Roles: supervisor, admin.',
    request: { query: StalledQuerySchema },
    responses: {
      200: jsonResponse(StalledPageSchema, 'A page of stalled cases'),
      ...problems(400, 403, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/supervision/summary',
    tags: ['Supervision'],
    summary: "Open cases by stage and overdue counts by department, within the token's region",
    description: 'Roles: supervisor, admin.',
    request: { query: SummaryQuerySchema },
    responses: { 200: jsonResponse(SummarySchema, 'The counts'), ...problems(400, 403, 503) },
  });
}
