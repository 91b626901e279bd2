/**
 * The Open311 GeoReport v2 routes (docs/open311.md): public reads, and `POST requests` with an api_key in its
 * form. Answers are XML or JSON by the path's extension; errors are GeoReport error lists, not problems.
 */
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  GeoReportDiscoverySchema,
  GeoReportErrorsSchema,
  GeoReportFiledRequestSchema,
  GeoReportFormatParamsSchema,
  GeoReportRequestsQuerySchema,
  GeoReportServiceDefinitionSchema,
  GeoReportServiceListSchema,
  GeoReportServiceRequestsSchema,
  JurisdictionQuerySchema,
} from '../open311/open311-schemas';
import { PostRequestFormSchema } from '../open311/request-form';
import { OptionalIdempotencyKeyHeadersSchema } from '../schemas';

const TAG = ['Open311 GeoReport v2'];
const PUBLIC: Record<string, string[]>[] = [];
const BASE = '/open311/v2';
const XML = {
  schema: z.string().meta({ description: 'The same elements as XML (text/xml; charset=utf-8)' }),
};

/** An answer in either format. */
const answer = (schema: z.ZodType, description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': XML },
});

const errors = (...statuses: number[]): Record<number, ResponseConfig> =>
  Object.fromEntries(
    [...statuses, 429].map((status) => [
      status,
      answer(GeoReportErrorsSchema, `GeoReport errors (${status})`),
    ]),
  );

export function registerOpen311Paths(registry: OpenAPIRegistry): void {
  const get = (
    path: string,
    summary: string,
    responses: Record<number, ResponseConfig>,
    params?: z.ZodObject,
  ) =>
    registry.registerPath({
      method: 'get',
      path: `${BASE}${path}`,
      tags: TAG,
      summary,
      security: PUBLIC,
      request: { params: params ?? GeoReportFormatParamsSchema, query: JurisdictionQuerySchema },
      responses,
    });
  get('/discovery.{format}', 'Service discovery', { 200: answer(GeoReportDiscoverySchema, 'The endpoint') });
  get('/services.{format}', 'The services (flows offered through Open311)', {
    200: answer(GeoReportServiceListSchema, 'The services'),
    ...errors(400, 404),
  });
  get(
    '/services/{service_code}.{format}',
    "A service's definition: its attributes",
    { 200: answer(GeoReportServiceDefinitionSchema, 'The definition'), ...errors(400, 404) },
    GeoReportFormatParamsSchema.extend({ service_code: z.string() }),
  );
  registry.registerPath({
    method: 'post',
    path: `${BASE}/requests.{format}`,
    tags: TAG,
    summary: 'File a request: a case of the service flow, in the region its point lies in',
    description:
      'Needs an api_key. attribute[code]=value for attributes, attribute[code][]=value for lists. ' +
      'Idempotency-Key (an extension of GeoReport v2): a retry under the same key (per api_key) answers the ' +
      'request it filed (200) and files nothing new; the same key with another form is 409.',
    security: PUBLIC,
    request: {
      headers: OptionalIdempotencyKeyHeadersSchema,
      params: GeoReportFormatParamsSchema,
      body: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: PostRequestFormSchema } },
      },
    },
    responses: {
      201: answer(GeoReportFiledRequestSchema, 'Filed'),
      200: answer(GeoReportFiledRequestSchema, 'Filed before under this Idempotency-Key; nothing new filed'),
      ...errors(400, 403, 404, 409),
    },
  });
  registry.registerPath({
    method: 'get',
    path: `${BASE}/requests.{format}`,
    tags: TAG,
    summary: 'Requests by id, or by service, time (at most 90 days) and status; newest first, at most 1000',
    security: PUBLIC,
    request: { params: GeoReportFormatParamsSchema, query: GeoReportRequestsQuerySchema },
    responses: { 200: answer(GeoReportServiceRequestsSchema, 'The requests'), ...errors(400, 404) },
  });
  get(
    '/requests/{service_request_id}.{format}',
    'One request: its status, notes and the agency now responsible',
    { 200: answer(GeoReportServiceRequestsSchema, 'The request'), ...errors(400, 404) },
    GeoReportFormatParamsSchema.extend({ service_request_id: z.string() }),
  );
  get(
    '/tokens/{token}.{format}',
    'Not used: requests answer their service_request_id at once (type realtime)',
    errors(404),
    GeoReportFormatParamsSchema.extend({ token: z.string() }),
  );
}
