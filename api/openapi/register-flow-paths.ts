/**
 * The `/v1/flows` routes of the contract: list, show (latest or a version), validate.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  FlowDefinitionSchema,
  FlowDocumentSchema,
  FlowListSchema,
  FlowParamsSchema,
  FlowVersionParamsSchema,
  ValidateFlowResponseSchema,
} from '../schemas';
import { jsonResponse, problems } from './openapi-responses';

const TAG = ['Flows'];
const definition = jsonResponse(FlowDefinitionSchema, 'The definition with its Mermaid diagram');

export function registerFlowPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/flows',
    tags: TAG,
    summary: 'Every version of every flow',
    description: 'Any role.',
    responses: { 200: jsonResponse(FlowListSchema, 'The flows'), ...problems() },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/flows/{flowId}',
    tags: TAG,
    summary: 'The latest version of a flow',
    description: 'Any role.',
    request: { params: FlowParamsSchema },
    responses: { 200: definition, ...problems(404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/flows/{flowId}/versions/{version}',
    tags: TAG,
    summary: 'One version of a flow',
    description: 'Any role.',
    request: { params: FlowVersionParamsSchema },
    responses: { 200: definition, ...problems(400, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/flows/validate',
    tags: TAG,
    summary: 'Validate a flow; 422 lists every problem with its path, line and column',
    description: 'Roles: designer, admin.',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: FlowDocumentSchema },
          'application/yaml': { schema: z.string().meta({ description: 'The flow as YAML' }) },
        },
      },
    },
    responses: {
      200: jsonResponse(ValidateFlowResponseSchema, 'The flow is valid'),
      ...problems(400, 403, 413, 415, 422),
    },
  });
}
