/**
 * The `Idempotency-Key` of case actions: when sent it becomes part of the Update id, so the same key gives the same
 * answer with one effect, and the digest of the request goes with the Update, so the same key with another request
 * is refused (409, from engine revision 8). Completing a step requires it; other actions use it when sent. A
 * malformed key is a 400.
 */
import type { Request } from 'express';
import type { Actor } from '../../workflows/engine/case-input';
import type { KeyedAction } from '../cases/case-gateway';
import { actionRequestDigest } from '../cases/request-digest';
import { IdempotencyKeyHeadersSchema } from '../schemas';

/** The request's idempotency key; a missing required key or a malformed one throws a ZodError (400). */
export function idempotencyKeyOf(req: Request, rule: 'required' | 'optional'): string | undefined {
  if (rule === 'optional' && req.get('idempotency-key') === undefined) return undefined;
  return IdempotencyKeyHeadersSchema.parse(req.headers)['idempotency-key'];
}

/**
 * A keyed action: its Update id (the action, the step or `case`, the key) and the digest of its request (the
 * action, case, step, actor and validated body: a retry has the same, whatever its key order or whitespace).
 */
export function keyedAction(request: {
  readonly key: string;
  readonly type: string;
  readonly caseId: string;
  readonly stepId: string | undefined;
  readonly actor: Actor;
  readonly body: unknown;
}): KeyedAction {
  const { key, type, stepId } = request;
  return {
    key,
    updateId: `${type}:${stepId ?? 'case'}:${key}`,
    requestDigest: actionRequestDigest(request),
  };
}
