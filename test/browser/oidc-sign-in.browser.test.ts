/**
 * Sign-in through OpenID Connect in Chromium, against a real provider (oidc-provider in its own process): the app
 * reads the issuer and client id from /app/config.json, sends the browser to the provider with a PKCE challenge,
 * exchanges the code on return, and the API (verifying the access token against the provider's JWKS) serves the
 * supervisor's dashboard for the claims the token carries.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Browser } from 'playwright-core';
import { createApp } from '../../api/app';
import { createTokenVerifier } from '../../api/auth';
import { createCaseGateway } from '../../api/cases/case-gateway';
import { createApiRouters } from '../../api/create-api-routers';
import { createWebAppRouter, WEB_DIST_DIR } from '../../api/web/web-app-router';
import { openLedger } from '../../ledger';
import type { Connection } from '@temporalio/client';
import { serviceData } from '../helpers/case-fixtures';
import { createTestClient, TEST_GATEWAY_TIMEOUTS, uniqueTaskQueue } from '../helpers/temporal-test-env';
import { createTestLogger } from '../api/support/test-logger';
import { launchChromium, openPage } from './support/chromium';
import { checkPage } from './support/page-checks';

/** Starts the provider for `redirectUri`; resolves with its issuer URL. */
function startProvider(redirectUri: string): Promise<{ issuer: string; process: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'support', 'oidc-provider-server.mjs'), redirectUri],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const issuer = /ISSUER (\S+)/.exec(output)?.[1];
      if (issuer !== undefined) resolve({ issuer, process: child });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the OIDC provider exited (${code}): ${output}`)));
  });
}

describe('signing in through an OIDC provider', () => {
  let server: Server;
  let appUrl = '';
  let provider: ChildProcess | undefined;
  let connection: Connection;
  let browser: Browser;

  beforeAll(async () => {
    // The API's port comes first: the provider must know the redirect URI.
    const app = express();
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = await startProvider(`${appUrl}/app/oidc-callback`);
    provider = started.process;
    const test = await createTestClient();
    connection = test.connection;
    const logger = createTestLogger().logger;
    app.use(
      createWebAppRouter({
        distDir: WEB_DIST_DIR,
        auth: { oidc: { issuer: started.issuer, clientId: 'fullcycle-web', scope: 'openid' } },
      }),
    );
    app.use(
      createApp({
        logger,
        checkTemporal: () => Promise.resolve(),
        routers: createApiRouters({
          gateway: createCaseGateway(test.client, uniqueTaskQueue('oidc'), TEST_GATEWAY_TIMEOUTS),
          ledger: await openLedger({ file: ':memory:' }),
          service: await serviceData(),
          verifier: createTokenVerifier({
            jwksUrl: `${started.issuer}/jwks`,
            issuer: started.issuer,
            audience: 'urn:fullcycle:api',
          }),
          logger,
        }),
      }),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    provider?.kill();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await connection?.close();
  });

  it("signs a supervisor in with the authorization code and PKCE, and the API accepts the provider's token", async () => {
    const { page, complaints } = await openPage(browser);
    await page.goto(`${appUrl}/app/`);
    await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
    // The provider's own development login and consent pages.
    await page.locator('input[name="login"]').fill('sup-oidc');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${appUrl}/app/supervision`);
    await page.getByRole('heading', { name: /^督办看板/ }).waitFor();
    await expect(page.getByTestId('role').textContent()).resolves.toBe('督办');
    await checkPage(page, 'oidc-signed-in');
    expect(complaints.csp).toEqual([]);
    expect(complaints.errors).toEqual([]);
  });
});
