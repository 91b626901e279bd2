/**
 * Verifies bearer tokens: HS256 with the shared secret (`AUTH_JWT_SECRET`), or signatures checked against a remote
 * JWKS when production configures one. Returns the token's actor; throws TokenRejectedError otherwise.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyOptions } from 'jose';
import { ActorSchema } from './actor';
import type { Actor } from './actor';
import { TokenRejectedError, TokenVerifierConfigError } from './auth-errors';

export interface TokenVerifierOptions {
  /** Shared HS256 secret; used when `jwksUrl` is not set. */
  readonly secret?: string;
  /** URL of a JSON Web Key Set; when set, tokens must be signed by one of its (asymmetric) keys. */
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Allowed clock skew in seconds (default 5). */
  readonly clockToleranceSeconds?: number;
}

/** Checks a bearer token and returns who it speaks for. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** Builds the verifier for the configured key source (a JWKS URL wins over a secret). */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const common: JWTVerifyOptions = {
    requiredClaims: ['sub', 'exp'],
    clockTolerance: options.clockToleranceSeconds ?? 5,
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    ...(options.audience === undefined ? {} : { audience: options.audience }),
  };
  const check = keyedVerify(options, common);
  return {
    async verify(token) {
      const payload = await check(token).catch((error: unknown) => {
        throw new TokenRejectedError(describeJoseError(error));
      });
      const parsed = ActorSchema.safeParse(payload);
      if (!parsed.success) {
        throw new TokenRejectedError(parsed.error.issues.map((issue) => issue.message).join('; '));
      }
      return parsed.data;
    },
  };
}

function keyedVerify(options: TokenVerifierOptions, common: JWTVerifyOptions) {
  if (options.jwksUrl !== undefined && options.jwksUrl !== '') {
    const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
    const verifyOptions = { ...common, algorithms: ASYMMETRIC_ALGORITHMS };
    return async (token: string): Promise<JWTPayload> =>
      (await jwtVerify(token, jwks, verifyOptions)).payload;
  }
  if (options.secret !== undefined && options.secret !== '') {
    const key = new TextEncoder().encode(options.secret);
    const verifyOptions = { ...common, algorithms: ['HS256'] };
    return async (token: string): Promise<JWTPayload> => (await jwtVerify(token, key, verifyOptions)).payload;
  }
  throw new TokenVerifierConfigError('set a shared secret (AUTH_JWT_SECRET) or a JWKS URL');
}

/** A short reason that never repeats the token or its claims. */
function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim '${error.claim}' is invalid`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no matching key in the key set';
  if (error instanceof joseErrors.JOSEError) return error.code;
  return 'token could not be verified';
}
