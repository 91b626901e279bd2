/**
 * Operational endpoints: health, readiness, metrics and the API's own description. None needs a token.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { HealthSchema, ReadinessSchema } from '../schemas';
import { jsonResponse, problemResponse } from './openapi-responses';

const TAG = ['Operations'];
const PUBLIC: Record<string, string[]>[] = [];

export function registerOperationPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    tags: TAG,
    summary: 'The process is up',
    security: PUBLIC,
    responses: { 200: jsonResponse(HealthSchema, 'Up') },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    tags: TAG,
    summary: 'Temporal is reachable',
    security: PUBLIC,
    responses: { 200: jsonResponse(ReadinessSchema, 'Ready'), 503: problemResponse(503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    tags: TAG,
    summary: 'Prometheus metrics',
    security: PUBLIC,
    responses: {
      200: { description: 'Prometheus text exposition', content: { 'text/plain': { schema: z.string() } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: TAG,
    summary: 'This OpenAPI 3.1 document',
    security: PUBLIC,
    responses: {
      200: {
        description: 'The document',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/docs',
    tags: TAG,
    summary: 'Interactive API documentation',
    security: PUBLIC,
    responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: z.string() } } } },
  });
}
