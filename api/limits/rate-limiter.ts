/**
 * Per-caller rate limiting: requests are counted per token subject (per client IP before authentication), each
 * caller allowed its own limit (its token's override, else its role's, else the default), and a caller over its
 * limit gets a 429 problem with `Retry-After` and the standard `RateLimit-Policy` / `RateLimit` headers.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Store } from 'express-rate-limit';
import { NO_RATE_LIMIT_OVERRIDES, type RateLimitOverrides } from '../../config/rate-limits';
import type { Actor } from '../auth/actor';
import { optionalActorOf } from '../auth/authenticate';
import { TooManyRequestsProblemError } from '../problems/http-problem-error';

export interface RateLimiterOptions {
  /** Requests allowed per caller in each window, unless an override names the caller's token or role. */
  readonly limit: number;
  /** Limits by role and by token subject (`RATE_LIMITS`). */
  readonly overrides?: RateLimitOverrides;
  /** The window, in milliseconds (default one minute). */
  readonly windowMs?: number;
  /** Where the counts live (default: this process's memory). */
  readonly store?: Store;
}

/** The limit that applies to `actor`: its token's override, else its role's, else the default. */
export function rateLimitOf(
  actor: Actor | undefined,
  limit: number,
  overrides: RateLimitOverrides = NO_RATE_LIMIT_OVERRIDES,
): number {
  if (actor === undefined) return limit;
  return overrides.bySubject[actor.sub] ?? overrides.byRole[actor.role] ?? limit;
}

/** Builds the limiter; mount it after `authenticate` so that callers are told apart by token subject. */
export function createRateLimiter(options: RateLimiterOptions): RequestHandler {
  const windowMs = options.windowMs ?? 60_000;
  return rateLimit({
    windowMs,
    limit: (_req, res) => rateLimitOf(optionalActorOf(res), options.limit, options.overrides),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.store === undefined ? {} : { store: options.store }),
    keyGenerator: (req, res) => {
      const actor = optionalActorOf(res);
      return actor === undefined ? `ip:${ipKeyGenerator(req.ip ?? 'unknown')}` : `sub:${actor.sub}`;
    },
    handler: (req, _res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfterSeconds =
        resetTime === undefined ? windowMs / 1000 : (resetTime.getTime() - Date.now()) / 1000;
      next(
        new TooManyRequestsProblemError('Too many requests; slow down and retry later', retryAfterSeconds),
      );
    },
  });
}
