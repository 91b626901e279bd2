import { actionRequestDigest, requestFingerprint } from '../../../api/cases/request-digest';

const request = {
  type: 'complete',
  caseId: 'GZ-1',
  stepId: 'handle',
  actor: { sub: 'dept-user', role: 'department', dept: 'yuexiu-city' },
  body: { result: { fixed: true, note: '已清理', photos: ['a.jpg', 'b.jpg'] } },
};

describe('the digest of an action request', () => {
  it('is the same whatever the order of keys', () => {
    const reordered = {
      body: { result: { photos: ['a.jpg', 'b.jpg'], note: '已清理', fixed: true } },
      actor: { dept: 'yuexiu-city', role: 'department', sub: 'dept-user' },
      stepId: 'handle',
      caseId: 'GZ-1',
      type: 'complete',
    };
    expect(actionRequestDigest(reordered)).toBe(actionRequestDigest(request));
  });

  it.each([
    ['another value', { body: { result: { ...request.body.result, fixed: false } } }],
    ['another order of a list', { body: { result: { ...request.body.result, photos: ['b.jpg', 'a.jpg'] } } }],
    ['another actor', { actor: { ...request.actor, sub: 'colleague' } }],
    ['another step', { stepId: 'check' }],
    ['another action', { type: 'return' }],
  ])('differs for %s', (_name, change) => {
    expect(actionRequestDigest({ ...request, ...change })).not.toBe(actionRequestDigest(request));
  });

  it('is 22 characters of base64url (128 bits)', () => {
    expect(actionRequestDigest(request)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("leaves a start's fingerprint as it was (SHA-256 of the canonical JSON, in hex)", () => {
    // The fingerprint kept in the memo of cases started before must still match their retries.
    expect(requestFingerprint({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(
      '9da9574727f41f18e3a4ffeaa320b627d810e778f3685a63d22d8b3262962c6d', // sha256 of {"a":[2,{"c":4,"d":3}],"b":1}
    );
  });
});
