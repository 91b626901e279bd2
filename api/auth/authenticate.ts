/**
 * Bearer authentication: verifies the token and puts the caller on `res.locals.actor`; a missing, invalid or
 * expired token is a 401 problem with `WWW-Authenticate: Bearer`.
 */
import type { RequestHandler, Response } from 'express';
import { UnauthorizedProblemError } from '../problems/http-problem-error';
import type { Actor } from './actor';
import { TokenRejectedError } from './auth-errors';
import type { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)$/i;

/** Express middleware: authenticates every request that passes through it. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined || header === '') {
      next(new UnauthorizedProblemError('A bearer token is required'));
      return;
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      next(invalidToken('The Authorization header is not a bearer token'));
      return;
    }
    try {
      res.locals['actor'] = await verifier.verify(token);
      next();
    } catch (error) {
      next(
        error instanceof TokenRejectedError
          ? invalidToken(`The bearer token was rejected: ${error.reason}`)
          : error,
      );
    }
  };
}

/** The authenticated caller; throws (a 500) when `authenticate` did not run first, which is a wiring bug. */
export function actorOf(res: Response): Actor {
  const actor = res.locals['actor'] as Actor | undefined;
  if (actor === undefined) throw new Error('actorOf: no actor on the response; is authenticate() mounted?');
  return actor;
}

/** The caller when authenticated, else undefined (for middleware that also runs on public routes). */
export function optionalActorOf(res: Response): Actor | undefined {
  return res.locals['actor'] as Actor | undefined;
}

function invalidToken(detail: string): UnauthorizedProblemError {
  return new UnauthorizedProblemError(detail, {
    slug: 'invalid-token',
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });
}
