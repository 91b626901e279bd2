/**
 * The optional `Idempotency-Key` of case actions: when sent it becomes part of the Update id, so the same key gives
 * the same answer with one effect. A malformed key is a 400.
 */
import type { Request } from 'express';
import { IdempotencyKeyHeadersSchema } from '../schemas';

/** The request's idempotency key, when it sent one; a present but invalid key throws a ZodError (400). */
export function optionalIdempotencyKey(req: Request): string | undefined {
  if (req.get('idempotency-key') === undefined) return undefined;
  return IdempotencyKeyHeadersSchema.parse(req.headers)['idempotency-key'];
}
