/**
 * Serves the built web workbench (web/dist) at `/app`, same origin as the API: hashed assets cached for a year,
 * every other path under `/app` answered with index.html (the app routes in the browser), all of it under the
 * app's Content-Security-Policy. `GET /app/config.json` tells the app how to sign in (the OIDC issuer and client
 * id when configured). An unbuilt app is a 503 problem naming the command that builds it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import type { Config } from '../../config/load-config';
import { PROJECT_ROOT } from '../../config/project-root';
import { NotFoundProblemError, ServiceUnavailableProblemError } from '../problems';
import { webAppContentSecurityPolicy } from './content-security-policy';

/** How the browser signs in: with a pasted token or link, and through OIDC when an issuer is configured. */
export interface WebAppAuthConfig {
  readonly oidc?: { readonly issuer: string; readonly clientId: string; readonly scope: string };
}

export interface WebAppOptions {
  /** The folder Vite built (web/dist). */
  readonly distDir: string;
  readonly auth: WebAppAuthConfig;
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Where `npm run build` (and `npm run dev`) put the built app. */
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'web', 'dist');

/** The sign-in settings the app may know: OIDC when a client id is configured (never secrets). */
export function webAppAuthConfig(auth: Config['auth']): WebAppAuthConfig {
  if (auth.oidc === undefined || auth.issuer === undefined) return {};
  return { oidc: { issuer: auth.issuer, clientId: auth.oidc.clientId, scope: auth.oidc.scope } };
}

/** The `/app` router. */
export function createWebAppRouter(options: WebAppOptions): Router {
  // Strict: `/app` redirects to `/app/`, which serves the page.
  const router = Router({ strict: true });
  const policy = webAppContentSecurityPolicy(options.auth.oidc?.issuer);
  const indexFile = path.join(options.distDir, 'index.html');
  const secure = (res: Response): void => {
    res.set('Content-Security-Policy', policy);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
  };

  router.get('/app', (_req, res) => res.redirect(301, '/app/'));
  router.get('/app/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(options.auth);
  });
  router.use('/app', (_req, res, next) => {
    secure(res);
    next();
  });
  router.use(
    '/app/assets',
    express.static(path.join(options.distDir, 'assets'), {
      immutable: true,
      maxAge: YEAR_SECONDS * 1000,
      index: false,
    }),
  );
  router.use('/app/assets', (req) => {
    throw new NotFoundProblemError(`No asset ${req.path}`, { slug: 'asset-not-found' });
  });
  router.get(['/app/', '/app/{*rest}'], (_req, res) => {
    if (!existsSync(indexFile)) {
      throw new ServiceUnavailableProblemError(
        'The web app is not built: run `npm run build` (or `npm run web:build`)',
        60,
        { slug: 'web-app-not-built' },
      );
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
