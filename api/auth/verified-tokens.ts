/**
 * The tokens this process has verified in full, remembered with their actor so that a token sent again (an
 * integration sends the same token with every request) is looked up instead of having its signature checked and
 * its claims parsed again. Only tokens that verified are remembered, each until the earlier of its expiry (`exp`)
 * and `maxAgeMs` after it was checked, and at most `max` of them, the least recently used forgotten first. A
 * token's answer depends only on the token, the key and the time, so a remembered answer is the one a full check
 * would give until the token expires; the age limit bounds how long a key rotated out of a JWKS keeps being
 * honoured from memory (jose itself keeps a fetched key set for up to ten minutes).
 */
import { LRUCache } from 'lru-cache';
import type { Actor } from './actor';

export interface VerifiedTokensOptions {
  /** How many tokens are remembered at most (default 10,000). */
  readonly max?: number;
  /** How long a token is remembered at most after it was checked, in ms (default one minute). */
  readonly maxAgeMs?: number;
  /** The clock (epoch ms); `Date.now` by default. */
  readonly now?: () => number;
}

export interface VerifiedTokens {
  /** The actor of a remembered token that has not expired, else undefined. */
  actorOf(token: string): Actor | undefined;
  /** Remembers a token that verified, with its actor and its `exp` (epoch seconds). */
  remember(token: string, actor: Actor, expiresAtSeconds: number): void;
  /** How many tokens are remembered now. */
  readonly size: number;
}

export const DEFAULT_VERIFIED_TOKENS = 10_000;
export const DEFAULT_VERIFIED_TOKEN_AGE_MS = 60_000;

/** An empty memory of verified tokens. */
export function createVerifiedTokens(options: VerifiedTokensOptions = {}): VerifiedTokens {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_VERIFIED_TOKEN_AGE_MS;
  const cache = new LRUCache<string, Actor>({
    max: options.max ?? DEFAULT_VERIFIED_TOKENS,
    ttl: maxAgeMs,
    ttlResolution: 0,
    perf: { now },
  });
  return {
    actorOf: (token) => cache.get(token),
    remember(token, actor, expiresAtSeconds) {
      // Stale from the millisecond `exp` names on, as jose (without clock tolerance) has it.
      const ttl = Math.min(maxAgeMs, Math.floor(expiresAtSeconds * 1000 - now()) - 1);
      if (ttl > 0) cache.set(token, Object.freeze({ ...actor }), { ttl });
    },
    get size() {
      return cache.size;
    },
  };
}
