/**
 * Who is calling: the verified claims of a bearer token, as the contract defines them.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../../config/token-roles';

export { ROLES, type Role };

/** Roles whose tokens are scoped to a region (and must carry one). */
const REGION_SCOPED: readonly Role[] = ['supervisor', 'intake'];

/** Token claims -> Actor: `dept` is required for `department`, `region` for `supervisor` and `intake`. */
export const ActorSchema = z
  .object({
    sub: z.string().min(1),
    role: z.enum(ROLES),
    dept: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
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
