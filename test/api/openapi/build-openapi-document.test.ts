import SwaggerParser from '@apidevtools/swagger-parser';
import { buildOpenApiDocument } from '../../../api/openapi/build-openapi-document';

/** Every route of the HTTP contract (docs/api.md), plus the operational ones. */
const CONTRACT_ROUTES = [
  'post /v1/cases',
  'get /v1/cases/{caseId}',
  'get /v1/cases/{caseId}/timeline',
  'post /v1/cases/{caseId}/steps/{stepId}/claim',
  'post /v1/cases/{caseId}/steps/{stepId}/complete',
  'post /v1/cases/{caseId}/steps/{stepId}/return',
  'post /v1/cases/{caseId}/steps/{stepId}/extension',
  'post /v1/cases/{caseId}/steps/{stepId}/extension/decision',
  'post /v1/cases/{caseId}/steps/{stepId}/retry',
  'post /v1/cases/{caseId}/emergency',
  'post /v1/cases/{caseId}/urge',
  'post /v1/cases/{caseId}/reassign',
  'post /v1/cases/{caseId}/suspend',
  'post /v1/cases/{caseId}/resume',
  'post /v1/cases/{caseId}/cancel',
  'post /v1/cases/{caseId}/feedback',
  'get /v1/departments/{dept}/tasks',
  'get /v1/supervision/stalled',
  'get /v1/supervision/summary',
  'get /v1/flows',
  'get /v1/flows/{flowId}',
  'get /v1/flows/{flowId}/versions/{version}',
  'post /v1/flows/validate',
  'get /healthz',
  'get /readyz',
  'get /metrics',
  'get /openapi.json',
  'get /docs',
  'get /open311/v2/discovery.{format}',
  'get /open311/v2/services.{format}',
  'get /open311/v2/services/{service_code}.{format}',
  'post /open311/v2/requests.{format}',
  'get /open311/v2/requests.{format}',
  'get /open311/v2/requests/{service_request_id}.{format}',
  'get /open311/v2/tokens/{token}.{format}',
];

/** Routes the project added to the contract (it may add, never rename or drop). */
const ADDED_ROUTES = [
  'post /v1/cases/{caseId}/steps/{stepId}/park',
  'post /v1/cases/{caseId}/steps/{stepId}/park/decision',
  'post /v1/cases/{caseId}/steps/{stepId}/rework/decision',
  'post /v1/cases/{caseId}/data',
  // The web workbench's reads.
  'get /v1/me',
  'get /v1/regions',
  'get /v1/departments',
  'get /v1/flows/{flowId}/explanation',
  'post /v1/cases/{caseId}/migrate',
  // The case ledger's reads (docs/ledger.md, docs/metrics.md).
  'get /v1/cases',
  'get /v1/supervision/metrics',
  'post /v1/flows/{flowId}/migrations',
  'get /v1/flows/{flowId}/migrations/{migrationId}',
  // Calendar revisions (docs/calendar-revisions.md).
  'get /v1/calendars',
  'get /v1/calendars/{calendar}',
  'post /v1/calendars/{calendar}/revisions',
  'get /v1/calendars/{calendar}/revisions/{revision}',
  // Flow versions published through the API (docs/flow-language.md).
  'post /v1/flows',
];

type Operation = { security?: unknown[]; responses: Record<string, unknown> };
const operations = (document: ReturnType<typeof buildOpenApiDocument>) =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
      route: `${method} ${path}`,
      operation,
    })),
  );

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument({ version: '1.2.3' });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    // validate() dereferences in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('lists exactly the routes of the contract and the documented additions', () => {
    expect(
      operations(document)
        .map(({ route }) => route)
        .sort(),
    ).toEqual([...CONTRACT_ROUTES, ...ADDED_ROUTES].sort());
  });

  it('requires a bearer token everywhere except the operational endpoints and Open311 (api_key in its form)', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components?.securitySchemes?.['bearerAuth']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const open = operations(document).filter(({ operation }) => operation.security?.length === 0);
    expect(open.map(({ route }) => route).sort()).toEqual(
      [
        'get /healthz',
        'get /readyz',
        'get /metrics',
        'get /openapi.json',
        'get /docs',
        ...CONTRACT_ROUTES.filter((route) => route.includes(' /open311/')),
      ].sort(),
    );
  });

  it('describes errors of the /v1 routes as problem+json, with 401 on each', () => {
    for (const { route, operation } of operations(document).filter(({ route }) => route.includes(' /v1/'))) {
      expect([route, operation.responses['401']]).toEqual([
        route,
        { $ref: '#/components/responses/Unauthorized' },
      ]);
    }
    const unprocessable = document.components?.responses?.['Unprocessable'] as {
      content: Record<string, unknown>;
    };
    expect(unprocessable.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
  });

  it('carries the given version', () => {
    expect(document.info.version).toBe('1.2.3');
  });
});
