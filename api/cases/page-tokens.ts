/**
 * Page tokens as clients see them: `<check>.<payload>`, the check a digest of the list's scope (its query) and
 * the payload. A token without a matching check (made up, mangled, or from another list) is refused with a 400
 * before it reaches Temporal, which would answer a made-up token with UNKNOWN and many seconds of retries.
 */
import { createHash } from 'node:crypto';
import { BadRequestProblemError } from '../problems';

function pageCheck(scope: string, payload: Buffer): string {
  return createHash('sha256').update(scope).update('\0').update(payload).digest('base64url').slice(0, 16);
}

/** The client-facing token for `payload` within `scope`. */
export function sealPageToken(scope: string, payload: Buffer): string {
  return `${pageCheck(scope, payload)}.${payload.toString('base64url')}`;
}

/** The payload of a token this scope handed out; a 400 problem for anything else. */
export function openPageToken(scope: string, pageToken: string): Buffer {
  const [check, encoded, ...rest] = pageToken.split('.');
  const payload = Buffer.from(encoded ?? '', 'base64url');
  if (rest.length > 0 || payload.length === 0 || check !== pageCheck(scope, payload))
    throw invalidPageToken();
  return payload;
}

/** The 400 problem for a page token this list did not hand out. */
export function invalidPageToken(): BadRequestProblemError {
  return new BadRequestProblemError('pageToken is not a token this list returned', {
    slug: 'validation',
    errors: [{ path: 'pageToken', message: 'Not a nextPageToken of this list' }],
  });
}
