import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createWebAppRouter, type WebAppAuthConfig } from '../../../api/web/web-app-router';
import { createTestLogger } from '../support/test-logger';

async function builtApp(): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-web-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
  return dist;
}

const appOver = (distDir: string, auth: WebAppAuthConfig = {}) =>
  createApp({
    logger: createTestLogger().logger,
    checkTemporal: () => Promise.resolve(),
    routers: [createWebAppRouter({ distDir, auth })],
  });

describe('the web app at /app', () => {
  it('answers every app path with index.html, not cached, under a script-src self policy', async () => {
    const app = appOver(await builtApp());
    for (const route of ['/app/', '/app/inbox', '/app/cases/GZ-1']) {
      const response = await request(app).get(route);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self';");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    expect((await request(app).get('/app')).headers.location).toBe('/app/');
  });

  it('caches hashed assets for a year and answers a missing one with a 404 problem, not the page', async () => {
    const app = appOver(await builtApp());
    const asset = await request(app).get('/app/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(app).get('/app/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('says how to build the app when it is not built', async () => {
    const response = await request(appOver(path.join(os.tmpdir(), 'no-such-web-dist'))).get('/app/inbox');
    expect(response.status).toBe(503);
    expect(response.body.detail).toMatch(/npm run build/);
  });

  it('tells the app how to sign in, and lets it reach the OIDC issuer', async () => {
    const oidc = { issuer: 'https://id.example/realms/gz', clientId: 'fullcycle-web', scope: 'openid' };
    const app = appOver(await builtApp(), { oidc });
    const config = await request(app).get('/app/config.json');
    expect(config.body).toEqual({ oidc });
    const page = await request(app).get('/app/');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' https://id.example;");
    expect((await request(appOver(await builtApp())).get('/app/config.json')).body).toEqual({});
  });
});
