/**
 * Who is calling: the verified claims of a bearer token, as the contract defines them.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../../config/token-roles';

export { ROLES, type Role };

/** Roles whose tokens are scoped to a region (and must carry one). */
const REGION_SCOPED: readonly Role[] = ['supervisor', 'intake'];

/** Control characters (Unicode Cc: U+0000–U+001F, U+007F–U+009F): no identity names a caller with them. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * A claim naming who the caller is (`sub`, `dept`, `region`): it reaches the audit trail, logs, rate-limit keys
 * and the ledger, so it must hold a visible name: not empty, not only spaces, no control characters.
 */
const identityClaim = (claim: string) =>
  z
    .string({ error: `the ${claim} claim must be a string` })
    .refine((value) => value.trim() !== '', { message: `the ${claim} claim must not be empty`, abort: true })
    .refine((value) => !CONTROL_CHARACTER.test(value), `the ${claim} claim must not hold control characters`);

/** Token claims -> Actor: `dept` is required for `department`, `region` for `supervisor` and `intake`. */
export const ActorSchema = z
  .object({
    sub: identityClaim('sub'),
    role: z.enum(ROLES, { error: `the role claim must be one of ${ROLES.join(', ')}` }),
    dept: identityClaim('dept').optional(),
    region: identityClaim('region').optional(),
  })
  .superRefine((actor, ctx) => {
    if (actor.role === 'department' && actor.dept === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dept'],
        message: 'A token with role department needs a dept claim',
      });
    }
    if (REGION_SCOPED.includes(actor.role) && actor.region === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: `A token with role ${actor.role} needs a region claim`,
      });
    }
  });

export type Actor = z.infer<typeof ActorSchema>;
