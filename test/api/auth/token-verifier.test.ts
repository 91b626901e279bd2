import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey } from 'jose';
import { TokenRejectedError, TokenVerifierConfigError } from '../../../api/auth/auth-errors';
import { mintToken } from '../../../api/auth/mint-token';
import { createTokenVerifier } from '../../../api/auth/token-verifier';

const SECRET = 'test-secret-that-is-long-enough-for-hs256!';
const encode = (text: string) => new TextEncoder().encode(text);

describe('createTokenVerifier with a shared secret (HS256)', () => {
  const verifier = createTokenVerifier({ secret: SECRET });

  it('returns the actor of a valid token', async () => {
    const token = await mintToken(
      SECRET,
      { sub: 'u1', role: 'department', dept: 'yuexiu-sanitation' },
      { expiresIn: '1h' },
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'u1',
      role: 'department',
      dept: 'yuexiu-sanitation',
    });
  });

  it('rejects an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuedAt(past - 60)
      .setExpirationTime(past)
      .sign(encode(SECRET));
    await expect(verifier.verify(token)).rejects.toThrow(new TokenRejectedError('token expired'));
  });

  it('rejects a token signed with another secret', async () => {
    const token = await mintToken(
      'another-secret-of-sufficient-length!!',
      { sub: 'u1', role: 'admin' },
      { expiresIn: '1h' },
    );
    await expect(verifier.verify(token)).rejects.toThrow(new TokenRejectedError('signature does not verify'));
  });

  it('rejects a token without an expiry', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .sign(encode(SECRET));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('rejects a token whose alg is not HS256', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(encode(SECRET));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it.each([
    [
      'a department token without dept',
      { role: 'department' },
      'A token with role department needs a dept claim',
    ],
    [
      'a supervisor token without region',
      { role: 'supervisor' },
      'A token with role supervisor needs a region claim',
    ],
    ['an intake token without region', { role: 'intake' }, 'A token with role intake needs a region claim'],
  ])('rejects %s', async (_name, claims, reason) => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(encode(SECRET));
    await expect(verifier.verify(token)).rejects.toThrow(new TokenRejectedError(reason));
  });

  it('rejects an unknown role', async () => {
    const token = await new SignJWT({ role: 'mayor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(encode(SECRET));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = createTokenVerifier({ secret: SECRET, issuer: 'fullcycle', audience: 'api' });
    const good = await mintToken(
      SECRET,
      { sub: 'u1', role: 'admin' },
      { expiresIn: 60, issuer: 'fullcycle', audience: 'api' },
    );
    const bad = await mintToken(
      SECRET,
      { sub: 'u1', role: 'admin' },
      { expiresIn: 60, issuer: 'elsewhere', audience: 'api' },
    );
    await expect(strict.verify(good)).resolves.toEqual({ sub: 'u1', role: 'admin' });
    await expect(strict.verify(bad)).rejects.toThrow(new TokenRejectedError("claim 'iss' is invalid"));
  });

  it('refuses to be built without a secret or a JWKS URL', () => {
    expect(() => createTokenVerifier({})).toThrow(TokenVerifierConfigError);
    expect(() => createTokenVerifier({ secret: '' })).toThrow(TokenVerifierConfigError);
  });
});

describe('createTokenVerifier with a remote JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  const sign = (key: CryptoKey, kid = 'k1') =>
    new SignJWT({ role: 'supervisor', region: '440104' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('sup-1')
      .setExpirationTime('5m')
      .sign(key);

  it('accepts a token signed by a key of the set', async () => {
    const verifier = createTokenVerifier({ jwksUrl });
    await expect(verifier.verify(await sign(privateKey))).resolves.toEqual({
      sub: 'sup-1',
      role: 'supervisor',
      region: '440104',
    });
  });

  it('rejects a token signed by a key outside the set', async () => {
    const verifier = createTokenVerifier({ jwksUrl });
    await expect(verifier.verify(await sign(otherKey))).rejects.toThrow(
      new TokenRejectedError('signature does not verify'),
    );
    await expect(verifier.verify(await sign(otherKey, 'k9'))).rejects.toThrow(
      new TokenRejectedError('no matching key in the key set'),
    );
  });

  it('does not accept HS256 tokens made with a secret when a JWKS is configured', async () => {
    const verifier = createTokenVerifier({ jwksUrl, secret: SECRET });
    const token = await mintToken(SECRET, { sub: 'u1', role: 'admin' }, { expiresIn: '1h' });
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
  });
});
