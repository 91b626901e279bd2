/**
 * The workbench reads (additions): who am I, the directory's regions and departments, a flow's explained deadlines.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  DepartmentListSchema,
  ExplanationQuerySchema,
  FlowExplanationSchema,
  FlowParamsSchema,
  MeSchema,
  RegionListSchema,
} from '../schemas';
import { jsonResponse, problems } from './openapi-responses';

export function registerWorkbenchPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/me',
    tags: ['Workbench'],
    summary: 'Who the token speaks for (role, department, region, with their names)',
    description: 'Any role.',
    responses: { 200: jsonResponse(MeSchema, 'The actor'), ...problems() },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/regions',
    tags: ['Workbench'],
    summary: "The directory's regions (市-区-街道-社区-网格), each naming its parent",
    description: 'Any role. Codes, names and levels only.',
    responses: { 200: jsonResponse(RegionListSchema, 'Every region'), ...problems() },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/departments',
    tags: ['Workbench'],
    summary: "The directory's departments",
    description: 'Any role. Ids, names, regions and roles only (no notification URLs).',
    responses: { 200: jsonResponse(DepartmentListSchema, 'Every department'), ...problems() },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/flows/{flowId}/explanation',
    tags: ['Flows'],
    summary: 'Each time limit of a flow and the deadline it would get from a start time, in words',
    description: "Any role. The arithmetic of `fullcycle flows explain`, on the flow's working calendar.",
    request: { params: FlowParamsSchema, query: ExplanationQuerySchema },
    responses: { 200: jsonResponse(FlowExplanationSchema, 'The explanation'), ...problems(400, 404) },
  });
}
