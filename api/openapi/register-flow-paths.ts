/**
 * The `/v1/flows` routes of the contract: list, show (latest or a version), validate; and publish (an addition).
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  FlowDefinitionSchema,
  FlowDocumentSchema,
  FlowListItemSchema,
  FlowListSchema,
  FlowParamsSchema,
  FlowVersionParamsSchema,
  ValidateFlowResponseSchema,
} from '../schemas';
import { jsonResponse, problems } from './openapi-responses';

const TAG = ['Flows'];
const definition = jsonResponse(FlowDefinitionSchema, 'The definition with its Mermaid diagram');
const flowBody = {
  body: {
    required: true,
    content: {
      'application/json': { schema: FlowDocumentSchema },
      'application/yaml': { schema: z.string().meta({ description: 'The flow as YAML' }) },
    },
  },
};

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
    request: flowBody,
    responses: {
      200: jsonResponse(ValidateFlowResponseSchema, 'The flow is valid'),
      ...problems(400, 403, 413, 415, 422),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/flows',
    tags: TAG,
    summary:
      'Publish a flow version without a restart: validated as by validate, stored in the ledger, served by every API instance',
    description:
      'Roles: designer, admin. A version is immutable: the same content again answers 200 and stores nothing; other content for a version already published (or a file of FLOWS_DIR) is a 409.',
    request: flowBody,
    responses: {
      201: jsonResponse(FlowListItemSchema, 'Published; the Location is the version'),
      200: jsonResponse(FlowListItemSchema, 'This version has this content already; nothing stored'),
      ...problems(400, 403, 409, 413, 415, 422),
    },
  });
}
