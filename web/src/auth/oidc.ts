/**
 * Sign-in through an OpenID Connect provider (authorization code with PKCE, a public client), with oauth4webapi:
 * discovery from the issuer the API names in /app/config.json, a redirect to the provider, and on return to
 * /app/oidc-callback the code exchanged for tokens. The access token is what the app sends to the API (a JWT the
 * API verifies against AUTH_JWKS_URL). Plain http is accepted only for a loopback issuer (a provider on the
 * developer's machine).
 */
import * as oauth from 'oauth4webapi';

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface AuthConfig {
  readonly oidc?: OidcConfig;
}

const PENDING_KEY = 'fullcycle.oidc';
export const CALLBACK_PATH = '/app/oidc-callback';

interface PendingSignIn {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
}

/** What /app/config.json says about signing in. */
export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/app/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) return {};
  return (await response.json()) as AuthConfig;
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

async function authorizationServer(issuer: URL): Promise<oauth.AuthorizationServer> {
  const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && isLoopback(issuer) };
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
}

const redirectUri = (): string => `${window.location.origin}${CALLBACK_PATH}`;

/** Sends the browser to the provider's authorization endpoint. */
export async function startOidcSignIn(config: OidcConfig): Promise<void> {
  const as = await authorizationServer(new URL(config.issuer));
  if (as.authorization_endpoint === undefined) throw new Error('The issuer has no authorization endpoint');
  const pending: PendingSignIn = {
    codeVerifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On /app/oidc-callback: checks the answer, exchanges the code and returns the access token. */
export async function finishOidcSignIn(config: OidcConfig): Promise<string> {
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (stored === null) throw new Error('No sign-in was started in this tab');
  const pending = JSON.parse(stored) as PendingSignIn;
  const issuer = new URL(config.issuer);
  const as = await authorizationServer(issuer);
  const client: oauth.Client = { client_id: config.clientId };
  const params = oauth.validateAuthResponse(as, client, new URL(window.location.href), pending.state);
  const insecure = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && isLoopback(issuer) };
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.codeVerifier,
    insecure,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
  });
  return tokens.access_token;
}
