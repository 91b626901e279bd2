/**
 * Per-role and per-token overrides of the API's request rate, read from `RATE_LIMITS`: a comma-separated list of
 * `role:<role>=<requests per minute>` and `sub:<token subject>=<requests per minute>` entries, e.g.
 * `role:designer=600,sub:gateway-12345=120000`. A token's own (`sub`) entry wins over its role's, which wins
 * over `RATE_LIMIT_PER_MINUTE`.
 */
import { z } from 'zod';
import { ROLES, type Role } from './token-roles';

/** Requests per minute per token by default: sized for one integration token per system (500 a second). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30_000;

export interface RateLimitOverrides {
  readonly byRole: Readonly<Partial<Record<Role, number>>>;
  readonly bySubject: Readonly<Record<string, number>>;
}

export const NO_RATE_LIMIT_OVERRIDES: RateLimitOverrides = { byRole: {}, bySubject: {} };

const ENTRY = /^(role|sub):([^=\s]+)=(\d+)$/;
const isRole = (name: string): name is Role => (ROLES as readonly string[]).includes(name);

/** Why one entry is refused, given the overrides read so far; undefined when it is fine. */
function entryProblem(
  entry: string,
  parsed: RegExpExecArray | null,
  read: RateLimitOverrides,
): string | undefined {
  if (parsed === null) return `'${entry}' is not role:<role>=<n> or sub:<subject>=<n>`;
  const [, kind, name = '', count] = parsed;
  if (Number(count) < 1) return `'${entry}': the limit must be at least 1 request per minute`;
  if (kind === 'role' && !isRole(name))
    return `'${entry}': unknown role '${name}' (one of ${ROLES.join(', ')})`;
  const seen = kind === 'role' ? read.byRole[name as Role] : read.bySubject[name];
  return seen === undefined ? undefined : `'${entry}': ${kind} '${name}' is listed twice`;
}

/** `RATE_LIMITS` text -> overrides; every malformed entry is its own issue. */
export const RateLimitOverridesSchema = z.string().transform((text, ctx): RateLimitOverrides => {
  const byRole: Partial<Record<Role, number>> = {};
  const bySubject: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const parsed = ENTRY.exec(entry);
    const problem = entryProblem(entry, parsed, { byRole, bySubject });
    if (problem !== undefined || parsed === null) {
      ctx.addIssue({ code: 'custom', message: problem ?? entry });
      continue;
    }
    const [, kind, name = '', count] = parsed;
    if (kind === 'role') byRole[name as Role] = Number(count);
    else bySubject[name] = Number(count);
  }
  return { byRole, bySubject };
});
