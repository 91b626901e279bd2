/** Errors of token handling; the HTTP edge turns a rejected token into a 401 problem. */

/** Thrown when a bearer token fails verification (signature, expiry, issuer, audience) or its claims are no actor. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`Bearer token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

/** Thrown when a token verifier is created with neither a shared secret nor a JWKS URL. */
export class TokenVerifierConfigError extends Error {
  constructor(problem: string) {
    super(`Token verifier misconfigured: ${problem}`);
    this.name = 'TokenVerifierConfigError';
  }
}
