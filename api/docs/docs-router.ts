/**
 * Serves the API's description: the OpenAPI document at `/openapi.json` and interactive docs (Swagger UI) at
 * `/docs`. Both are public, like the other operational endpoints.
 */
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from '../openapi/build-openapi-document';

/** A router to mount at the root: `GET /openapi.json` and `GET /docs`. */
export function createDocsRouter(document: OpenApiDocument): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(
    '/docs',
    swaggerUi.serveFiles(document),
    swaggerUi.setup(document, {
      customSiteTitle: 'Fullcycle API',
      swaggerOptions: { persistAuthorization: true },
    }),
  );
  return router;
}
