import express from 'express';
import request from 'supertest';
import { createDocsRouter } from '../../../api/docs/docs-router';
import { buildOpenApiDocument } from '../../../api/openapi/build-openapi-document';

describe('createDocsRouter', () => {
  const document = buildOpenApiDocument();
  const app = express().use(createDocsRouter(document));

  it('serves the OpenAPI document at /openapi.json', async () => {
    const res = await request(app)
      .get('/openapi.json')
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('serves interactive docs at /docs', async () => {
    const res = await request(app)
      .get('/docs/')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(res.text).toContain('<title>Fullcycle API</title>');
    expect(res.text).toContain('swagger-ui');
  });

  it('redirects /docs to /docs/ so that the page finds its assets', async () => {
    await request(app).get('/docs').expect(301).expect('Location', '/docs/');
  });

  it('serves the Swagger UI assets and the init script with this document', async () => {
    await request(app).get('/docs/swagger-ui-bundle.js').expect(200);
    const init = await request(app).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/v1/cases/{caseId}/steps/{stepId}/complete');
  });
});
