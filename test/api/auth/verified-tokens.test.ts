import { SignJWT } from 'jose';
import type { Actor } from '../../../api/auth/actor';
import { TokenRejectedError } from '../../../api/auth/auth-errors';
import { mintToken } from '../../../api/auth/mint-token';
import { createTokenVerifier } from '../../../api/auth/token-verifier';
import { createVerifiedTokens } from '../../../api/auth/verified-tokens';

const SECRET = 'test-secret-that-is-long-enough-for-hs256!';
const START = Date.parse('2026-03-02T09:00:00+08:00');
const ACTOR = { sub: 'yuexiu-sanitation-system', role: 'department', dept: 'yuexiu-sanitation' } as const;

/** A clock the test moves. */
function testClock(at = START) {
  const clock = { at, now: () => clock.at };
  return clock;
}

/** An HS256 token for ACTOR expiring at `exp` (epoch seconds), with no `iat`. */
const tokenExpiringAt = (exp: number, claims: Record<string, unknown> = {}) =>
  new SignJWT({ role: ACTOR.role, dept: ACTOR.dept, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(ACTOR.sub)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(SECRET));

describe('createVerifiedTokens', () => {
  it('answers a remembered token until the millisecond its exp names', () => {
    const clock = testClock();
    const tokens = createVerifiedTokens({ now: clock.now });
    const exp = START / 1000 + 30;
    tokens.remember('t1', ACTOR, exp);
    expect(tokens.actorOf('t1')).toEqual(ACTOR);
    clock.at = exp * 1000 - 1;
    expect(tokens.actorOf('t1')).toEqual(ACTOR);
    clock.at = exp * 1000;
    expect(tokens.actorOf('t1')).toBeUndefined();
  });

  it('forgets a token maxAgeMs after it was checked, even when it expires later', () => {
    const clock = testClock();
    const tokens = createVerifiedTokens({ now: clock.now, maxAgeMs: 60_000 });
    tokens.remember('t1', ACTOR, START / 1000 + 12 * 3600);
    clock.at = START + 60_000;
    expect(tokens.actorOf('t1')).toEqual(ACTOR);
    clock.at = START + 60_001;
    expect(tokens.actorOf('t1')).toBeUndefined();
  });

  it('does not remember a token that has expired already', () => {
    const tokens = createVerifiedTokens({ now: testClock().now });
    tokens.remember('t1', ACTOR, START / 1000);
    tokens.remember('t2', ACTOR, START / 1000 - 60);
    expect(tokens.size).toBe(0);
  });

  it('holds at most max tokens, forgetting the least recently used', () => {
    const tokens = createVerifiedTokens({ now: testClock().now, max: 3 });
    const exp = START / 1000 + 3600;
    for (const token of ['a', 'b', 'c']) tokens.remember(token, ACTOR, exp);
    expect(tokens.actorOf('a')).toEqual(ACTOR);
    tokens.remember('d', ACTOR, exp);
    expect(tokens.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((token) => tokens.actorOf(token) !== undefined)).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('hands out an actor nobody can change', () => {
    const tokens = createVerifiedTokens({ now: testClock().now });
    const actor: Actor = { ...ACTOR };
    tokens.remember('t1', actor, START / 1000 + 60);
    actor.sub = 'someone-else';
    const remembered = tokens.actorOf('t1')!;
    expect(remembered.sub).toBe(ACTOR.sub);
    expect(Object.isFrozen(remembered)).toBe(true);
  });
});

describe('createTokenVerifier remembering verified tokens', () => {
  it('remembers a token that verified, and answers it again with the same actor', async () => {
    const clock = testClock(Date.now());
    const verifiedTokens = createVerifiedTokens({ now: clock.now });
    const verifier = createTokenVerifier({ secret: SECRET, now: clock.now, verifiedTokens });
    const token = await mintToken(SECRET, ACTOR, { expiresIn: '1h' });
    await expect(verifier.verify(token)).resolves.toEqual(ACTOR);
    expect(verifiedTokens.actorOf(token)).toEqual(ACTOR);
    await expect(verifier.verify(token)).resolves.toEqual(ACTOR);
    expect(verifiedTokens.size).toBe(1);
  });

  it('remembers no token that was rejected', async () => {
    const clock = testClock();
    const verifiedTokens = createVerifiedTokens({ now: clock.now });
    const verifier = createTokenVerifier({ secret: SECRET, now: clock.now, verifiedTokens });
    const notYet = await tokenExpiringAt(START / 1000 + 3600, { nbf: START / 1000 + 600 });
    const otherSecret = await mintToken('another-secret-of-sufficient-length!!', ACTOR, { expiresIn: '1h' });
    const noDept = await tokenExpiringAt(START / 1000 + 3600, { dept: undefined });
    for (const token of [notYet, otherSecret, noDept])
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
    expect(verifiedTokens.size).toBe(0);
    // The token that was not valid yet is, ten minutes later, checked in full and accepted.
    clock.at = START + 600_000;
    await expect(verifier.verify(notYet)).resolves.toEqual(ACTOR);
  });

  it('rejects a remembered token once it has expired, as a full check does (with its clock tolerance)', async () => {
    const clock = testClock();
    const verifier = createTokenVerifier({ secret: SECRET, now: clock.now, clockToleranceSeconds: 5 });
    const exp = START / 1000 + 30;
    const token = await tokenExpiringAt(exp);
    await expect(verifier.verify(token)).resolves.toEqual(ACTOR);
    clock.at = exp * 1000 + 4_000;
    await expect(verifier.verify(token)).resolves.toEqual(ACTOR);
    clock.at = exp * 1000 + 5_000;
    await expect(verifier.verify(token)).rejects.toThrow(new TokenRejectedError('token expired'));
  });

  it('does not let a token verified by one secret pass another verifier', async () => {
    const token = await mintToken(SECRET, ACTOR, { expiresIn: '1h' });
    await expect(createTokenVerifier({ secret: SECRET }).verify(token)).resolves.toEqual(ACTOR);
    const other = createTokenVerifier({ secret: 'another-secret-of-sufficient-length!!' });
    await expect(other.verify(token)).rejects.toThrow(new TokenRejectedError('signature does not verify'));
  });
});
