/**
 * The routes the ledger answers on its own: case search and performance metrics (JSON or CSV).
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseListPageSchema, CaseSearchQuerySchema, MetricsQuerySchema, MetricsSchema } from '../schemas';
import { jsonResponse, problems } from './openapi-responses';

export function registerLedgerPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/cases',
    tags: ['Cases'],
    summary: 'Search cases, open or long closed, from the case ledger',
    description:
      "Roles: supervisor and intake (the token's region subtree), department (cases it has held a step of, " +
      'also after 改派 away or closure), admin. Sorted, cursor-paged.',
    request: { query: CaseSearchQuerySchema },
    responses: { 200: jsonResponse(CaseListPageSchema, 'A page of cases'), ...problems(400, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/supervision/metrics',
    tags: ['Supervision'],
    summary:
      '结案率, 按期结案率, 返工率, 延期率, 满意率, handling time and overdue counts per period and group',
    description:
      'Roles: supervisor, admin. From the case ledger; definitions in docs/metrics.md. ' +
      '`Accept: text/csv` answers the same query as CSV.',
    request: { query: MetricsQuerySchema },
    responses: {
      200: {
        description: 'The figures',
        content: {
          'application/json': { schema: MetricsSchema },
          'text/csv': { schema: z.string().meta({ description: 'A header line, then one line per item' }) },
        },
      },
      ...problems(400, 403),
    },
  });
}
