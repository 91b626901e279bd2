/**
 * Open311 api_keys: a key is looked up by its SHA-256 (the configuration holds only hashes; keys are random, at
 * least 128 bits, so a plain hash is enough) and stands for an intake identity, which files the requests, is
 * rate-limited and appears in the audit trail.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyEntry } from '../../config/open311/load-api-keys';
import type { Actor } from '../auth';

export interface ApiKeyStore {
  /** The intake identity of `key`, or undefined when it is missing or unknown. */
  identify(key: string | undefined): Actor | undefined;
}

/** The hex SHA-256 of a key, as the api_keys file stores it. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key: 32 random bytes as 64 hex digits (safe in a form without escaping). */
export function generateApiKey(): string {
  return randomBytes(32).toString('hex');
}

/** A store over the configured entries. */
export function createApiKeyStore(entries: readonly ApiKeyEntry[]): ApiKeyStore {
  const byHash = new Map(entries.map((entry) => [entry.sha256, entry]));
  return {
    identify(key) {
      if (key === undefined || key.length < 16) return undefined;
      const entry = byHash.get(hashApiKey(key));
      return entry && { sub: entry.sub, role: 'intake', region: entry.region };
    },
  };
}
