/**
 * Digests of requests, to tell a retry from another request sent under the same identity: a case start's
 * fingerprint (kept in the workflow's memo, by `caseId`) and an action's digest (sent with its Update, by
 * `Idempotency-Key`). Both digest the request's canonical JSON, so key order and whitespace do not matter.
 */
import { createHash } from 'node:crypto';

/** The value with every object's keys sorted, so that equal requests have one JSON text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

const sha256 = (request: unknown) => createHash('sha256').update(JSON.stringify(canonical(request)));

/** A stable fingerprint of a start request, kept in the workflow's memo to tell a retry from a conflict. */
export function requestFingerprint(request: unknown): string {
  return sha256(request).digest('hex');
}

/**
 * The digest of an action request: its first 128 bits of SHA-256, in base64url (22 characters, sent with every
 * keyed action's Update and stored in its answer, so kept short; a collision by accident is out of reach).
 */
export function actionRequestDigest({
  type,
  caseId,
  stepId,
  actor,
  body,
}: {
  readonly type: string;
  readonly caseId: string;
  readonly stepId: string | undefined;
  readonly actor: unknown;
  readonly body: unknown;
}): string {
  const request = { type, caseId, stepId, actor, body };
  return sha256(request).digest().subarray(0, 16).toString('base64url');
}
