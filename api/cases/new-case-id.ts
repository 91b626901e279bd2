/**
 * The id of a case started without a `caseId` (`POST /v1/cases` without one, Open311's `POST requests`): random,
 * or, with an `Idempotency-Key`, derived from the key and the caller's token subject (in a UUID's shape), so that a
 * retry meets the case its first attempt started (the same answer, or 409 for another request) instead of starting
 * a second one. Keys are scoped to the subject: two callers' same key names two cases.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { idempotencyKeyOf } from '../actions/idempotency-key';
import type { Actor } from '../auth';

/** The new case's id; a malformed `Idempotency-Key` throws a ZodError (400). */
export function newCaseId(req: Request, actor: Pick<Actor, 'sub'>): string {
  const key = idempotencyKeyOf(req, 'optional');
  if (key === undefined) return randomUUID();
  const hex = createHash('sha256').update(`${actor.sub}\n${key}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
}
