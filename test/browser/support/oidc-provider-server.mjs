/**
 * A real OpenID Connect provider (the `oidc-provider` package) for the browser tests, run as its own process
 * (it is ESM-only): one public client `fullcycle-web` with PKCE, the provider's development login and consent
 * pages, and JWT access tokens for the resource `urn:fullcycle:api` carrying the workbench's claims (role, region).
 * Usage: node oidc-provider-server.mjs <redirect URI>; prints `ISSUER <url>` once it listens.
 */
import http from 'node:http';
import Provider from 'oidc-provider';

const [redirectUri] = process.argv.slice(2);
/** Who may sign in here: the login name is the subject. */
const ACCOUNTS = { 'sup-oidc': { role: 'supervisor', region: '440104' } };

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'fullcycle-web',
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:fullcycle:api',
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid',
        audience: 'urn:fullcycle:api',
        accessTokenFormat: 'jwt',
      }),
    },
  },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  extraTokenClaims: (_ctx, token) => ACCOUNTS[token.accountId],
  clientBasedCORS: (_ctx, origin, client) =>
    client.redirectUris.some((uri) => new URL(uri).origin === origin),
});
provider.proxy = false;
server.on('request', provider.callback());
console.log(`ISSUER ${issuer}`);
