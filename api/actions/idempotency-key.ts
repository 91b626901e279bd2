/**
 * The `Idempotency-Key` of case actions: when sent it becomes part of the Update id, so the same key gives the same
 * answer with one effect. Completing a step requires it; other actions use it when sent. A malformed key is a 400.
 */
import type { Request } from 'express';
import { IdempotencyKeyHeadersSchema } from '../schemas';

/** The request's idempotency key; a missing required key or a malformed one throws a ZodError (400). */
export function idempotencyKeyOf(req: Request, rule: 'required' | 'optional'): string | undefined {
  if (rule === 'optional' && req.get('idempotency-key') === undefined) return undefined;
  return IdempotencyKeyHeadersSchema.parse(req.headers)['idempotency-key'];
}
