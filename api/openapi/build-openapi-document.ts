/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas: every route of the contract plus the
 * operational ones, bearer security by default, problem+json error responses.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ProblemSchema } from '../schemas/problem-schemas';
import { registerCasePaths } from './register-case-paths';
import { registerFlowPaths } from './register-flow-paths';
import { registerMigrationPaths } from './register-migration-paths';
import { registerCalendarPaths } from './register-calendar-paths';
import { registerOpen311Paths } from './register-open311-paths';
import { registerOperationPaths } from './register-operation-paths';
import { registerProblemResponses } from './openapi-responses';
import { registerSupervisionPaths } from './register-supervision-paths';
import { registerWorkbenchPaths } from './register-workbench-paths';
import { registerLedgerPaths } from './register-ledger-paths';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export interface OpenApiDocumentOptions {
  /** The API's version string (package.json's, usually). */
  readonly version?: string;
  /** Base URLs of the API; omitted means "relative to where the document was fetched". */
  readonly serverUrls?: readonly string[];
}

/** Builds the document; cheap enough to call once at start-up. */
export function buildOpenApiDocument(options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Claims: sub, role (intake|department|supervisor|designer|admin), dept (department), region (supervisor, intake)',
  });
  registerProblemResponses(registry);
  registerCasePaths(registry);
  registerSupervisionPaths(registry);
  registerLedgerPaths(registry);
  registerFlowPaths(registry);
  registerMigrationPaths(registry);
  registerCalendarPaths(registry);
  registerOperationPaths(registry);
  registerOpen311Paths(registry);
  registerWorkbenchPaths(registry);

  const config: Parameters<OpenApiGeneratorV31['generateDocument']>[0] = {
    openapi: '3.1.0',
    info: {
      title: 'Fullcycle API',
      version: options.version ?? '0.1.0',
      description:
        'Full-cycle management of public-service cases: start cases, work steps, supervise, design flows.',
    },
    security: [{ bearerAuth: [] }],
    ...(options.serverUrls === undefined ? {} : { servers: options.serverUrls.map((url) => ({ url })) }),
  };
  // Schemas are named by zod's own `.meta({ id })`, which the generator reads; no `extendZodWithOpenApi` needed
  // (it only patches schemas created after it runs). The problem responses reference Problem by $ref, so it is
  // handed to the generator directly.
  const definitions = [...registry.definitions, { type: 'schema' as const, schema: ProblemSchema }];
  return new OpenApiGeneratorV31(definitions).generateDocument(config);
}
