/** The case memo, and the raw fingerprint on which the shell decides to upsert it. */
import { caseMemo, memoFingerprint } from '../../workflows/case-memo';
import { at, HOUR, MINUTE } from './engine/case/fixtures/calendars';
import { CaseDriver, caseInput } from './engine/case/fixtures/case-driver';
import { exposedGarbage } from './engine/case/fixtures/exposed-garbage';

const T0 = at('2026-03-02T09:00:00+08:00');

describe('memo fingerprint', () => {
  it('changes exactly when the memo does, through claims, requests, suspension, deadlines and closure', () => {
    const c = new CaseDriver(
      caseInput(exposedGarbage({ calendar: 'always-open' }), {
        data: { address: 'A', category: 'household' },
      }),
      T0,
    );
    const seen: { memo: string; fingerprint: string }[] = [];
    const look = (now: number): void => {
      seen.push({
        memo: JSON.stringify(caseMemo(c.state, now)),
        fingerprint: JSON.stringify(memoFingerprint(c.state, now)),
      });
    };
    look(T0);
    look(T0 + 2 * HOUR); // verify overdue
    c.complete('verify', { confirmed: true }, T0 + 2 * HOUR);
    look(c.now);
    c.complete('file', {}, c.now + MINUTE).serve('dispatch', { ok: true, result: {} });
    look(c.now);
    c.act({ type: 'claim', stepId: 'handle' }, c.now + MINUTE);
    look(c.now);
    const due = c.state.steps['handle']!.deadline!.at;
    c.act({ type: 'requestExtension', stepId: 'handle', until: due + HOUR, reason: 'x' });
    look(c.now);
    c.act({ type: 'decideExtension', stepId: 'handle', approve: true });
    look(c.now);
    c.act({ type: 'suspend', reason: 'x' }, c.now + MINUTE);
    look(c.now);
    look(due + 3 * HOUR);
    c.act({ type: 'resume', reason: 'y' }, due + 3 * HOUR);
    look(c.now);
    look(c.state.steps['handle']!.deadline!.at + 1);
    c.complete('handle', { done: true }, c.now + MINUTE);
    look(c.now);
    for (let i = 1; i < seen.length; i += 1) {
      const memoChanged = seen[i]!.memo !== seen[i - 1]!.memo;
      const fingerprintChanged = seen[i]!.fingerprint !== seen[i - 1]!.fingerprint;
      expect([i, fingerprintChanged]).toEqual([i, memoChanged]);
    }
    expect(new Set(seen.map((s) => s.memo)).size).toBeGreaterThan(6);
  });
});
