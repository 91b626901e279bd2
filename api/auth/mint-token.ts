/**
 * Mints an HS256 token for an actor: the CLI's `fullcycle token` and the tests use it.
 */
import { SignJWT } from 'jose';
import { ActorSchema } from './actor';
import type { Actor } from './actor';

export interface MintTokenOptions {
  /** A jose time span (`8h`, `30m`, `2d`) or seconds. */
  readonly expiresIn: string | number;
  readonly issuer?: string;
  readonly audience?: string;
}

/** Signs the claims (validated as an Actor first, so a token that would be rejected is never minted). */
export async function mintToken(secret: string, claims: Actor, options: MintTokenOptions): Promise<string> {
  const actor = ActorSchema.parse(claims);
  const { sub, ...rest } = actor;
  const expiresIn = typeof options.expiresIn === 'number' ? `${options.expiresIn}s` : options.expiresIn;
  let jwt = new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (options.issuer !== undefined) jwt = jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
