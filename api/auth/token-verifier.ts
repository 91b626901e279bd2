/**
 * Verifies bearer tokens: HS256 with the shared secret (`AUTH_JWT_SECRET`), or signatures checked against a remote
 * JWKS when production configures one. Returns the token's actor; throws TokenRejectedError otherwise. A token that
 * verified is remembered until it expires (at most a minute, api/auth/verified-tokens.ts), so that the same token
 * sent again is not checked in full again.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyOptions } from 'jose';
import { ActorSchema } from './actor';
import type { Actor } from './actor';
import { TokenRejectedError, TokenVerifierConfigError } from './auth-errors';
import { createVerifiedTokens, type VerifiedTokens } from './verified-tokens';

export interface TokenVerifierOptions {
  /** Shared HS256 secret; used when `jwksUrl` is not set. */
  readonly secret?: string;
  /** URL of a JSON Web Key Set; when set, tokens must be signed by one of its (asymmetric) keys. */
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Allowed clock skew in seconds (default 5). */
  readonly clockToleranceSeconds?: number;
  /** The clock (epoch ms); `Date.now` by default. */
  readonly now?: () => number;
  /** Where verified tokens are remembered; a new memory with the defaults when not given. */
  readonly verifiedTokens?: VerifiedTokens;
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
  const now = options.now ?? Date.now;
  const verified = options.verifiedTokens ?? createVerifiedTokens({ now });
  return {
    async verify(token) {
      const known = verified.actorOf(token);
      if (known !== undefined) return known;
      const payload = await check(token, new Date(now())).catch((error: unknown) => {
        throw new TokenRejectedError(describeJoseError(error));
      });
      const parsed = ActorSchema.safeParse(payload);
      if (!parsed.success) {
        throw new TokenRejectedError(parsed.error.issues.map((issue) => issue.message).join('; '));
      }
      // `exp` is a required claim: jose has checked that it is there and a number.
      verified.remember(token, parsed.data, payload.exp!);
      return parsed.data;
    },
  };
}

function keyedVerify(options: TokenVerifierOptions, common: JWTVerifyOptions) {
  if (options.jwksUrl !== undefined && options.jwksUrl !== '') {
    const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
    const verifyOptions = { ...common, algorithms: ASYMMETRIC_ALGORITHMS };
    return async (token: string, currentDate: Date): Promise<JWTPayload> =>
      (await jwtVerify(token, jwks, { ...verifyOptions, currentDate })).payload;
  }
  if (options.secret !== undefined && options.secret !== '') {
    const key = new TextEncoder().encode(options.secret);
    const verifyOptions = { ...common, algorithms: ['HS256'] };
    return async (token: string, currentDate: Date): Promise<JWTPayload> =>
      (await jwtVerify(token, key, { ...verifyOptions, currentDate })).payload;
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
