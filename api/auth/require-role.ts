/**
 * Role gate for a route: the contract's "who" column. Runs after `authenticate`; other roles get a 403 problem.
 */
import type { RequestHandler } from 'express';
import { ForbiddenProblemError } from '../problems/http-problem-error';
import type { Role } from './actor';
import { actorOf } from './authenticate';

/** Express middleware letting through only actors holding one of `roles`. */
export function requireRole(...roles: readonly Role[]): RequestHandler {
  const allowed = new Set<Role>(roles);
  return (_req, res, next) => {
    const actor = actorOf(res);
    if (allowed.has(actor.role)) {
      next();
      return;
    }
    next(
      new ForbiddenProblemError(`This endpoint is for: ${roles.join(', ')}`, { slug: 'role-not-allowed' }),
    );
  };
}
