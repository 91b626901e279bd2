/**
 * Reusable pieces of the OpenAPI document: the problem responses (as `components.responses`) and small builders
 * for JSON bodies, so each path registration stays a short table.
 */
import type { OpenAPIRegistry, ResponseConfig, ZodRequestBody } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../problems/problem-document';

const PROBLEM_RESPONSES = {
  400: { name: 'BadRequest', description: 'The request does not match its schema (see errors)' },
  401: { name: 'Unauthorized', description: 'No valid bearer token', header: 'WWW-Authenticate' },
  403: { name: 'Forbidden', description: 'The token is valid but may not do this' },
  404: { name: 'NotFound', description: 'No such resource' },
  409: { name: 'Conflict', description: 'Conflicts with the current state' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than accepted' },
  415: { name: 'UnsupportedMediaType', description: 'The body has an unsupported media type or encoding' },
  422: { name: 'Unprocessable', description: 'Well-formed, but breaks the rules of the flow (see errors)' },
  429: { name: 'TooManyRequests', description: 'Rate limit exceeded', header: 'Retry-After' },
  500: { name: 'InternalError', description: 'Unexpected error (logged with the request id)' },
  503: {
    name: 'ServiceUnavailable',
    description:
      'Temporal is not reachable, or no worker applied the action in time: retry (an action with the same Idempotency-Key)',
    header: 'Retry-After',
  },
} as const;

export type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

/** Registers one response component per problem status (each a `$ref` to the Problem schema). */
export function registerProblemResponses(registry: OpenAPIRegistry): void {
  for (const { name, description, ...rest } of Object.values(PROBLEM_RESPONSES)) {
    const header = 'header' in rest ? rest.header : undefined;
    registry.registerComponent('responses', name, {
      description,
      ...(header === undefined ? {} : { headers: { [header]: { schema: { type: 'string' } } } }),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  }
}

/** A `$ref` to the problem response of one status. */
export function problemResponse(status: ProblemStatus): { $ref: string } {
  return { $ref: `#/components/responses/${PROBLEM_RESPONSES[status].name}` };
}

/** The problem responses of these statuses, plus 401, 429 and 500 which any authenticated route may answer. */
export function problems(...statuses: ProblemStatus[]): Record<string, { $ref: string }> {
  const all = new Set<ProblemStatus>([...statuses, 401, 429, 500]);
  return Object.fromEntries([...all].sort().map((status) => [String(status), problemResponse(status)]));
}

/** A JSON response with the given body schema. */
export function jsonResponse(
  schema: z.ZodType,
  description: string,
  headers?: ResponseConfig['headers'],
): ResponseConfig {
  return {
    description,
    content: { 'application/json': { schema } },
    ...(headers === undefined ? {} : { headers }),
  };
}

/** A JSON request body, required unless said otherwise. */
export function jsonBody(schema: z.ZodType, required = true): { body: ZodRequestBody } {
  return { body: { required, content: { 'application/json': { schema } } } };
}
