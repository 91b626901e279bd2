/** `after` joins, parallel fan-out and `when` skipping a branch to its end. */
import { at } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

/** register → (seal | invoice | insurance when urgent) → done (join of all three). */
function fanOut(): CaseDriver {
  const steps = [
    task('register', { stage: 'assessment' }),
    task('seal', { after: ['register'] }),
    task('invoice', { after: ['register'], when: 'case.data.needsInvoice == true' }),
    task('insurance', { after: ['register'], when: "case.priority == 'urgent'" }),
    task('insurance-followup', { after: ['insurance'] }),
    task('done', { stage: 'supervision', after: ['seal', 'invoice', 'insurance-followup'] }),
  ];
  return new CaseDriver(caseInput(flow(steps), { data: { needsInvoice: true } }), T0);
}

describe('joins and fan-out', () => {
  it('starts every branch after the common step in parallel', () => {
    const c = fanOut().complete('register');
    expect(c.statuses()).toMatchObject({ seal: 'active:1', invoice: 'active:1', done: 'pending:0' });
    expect(c.summary().waitingOn).toEqual(['invoice-dept', 'seal-dept']);
  });

  it('skips a branch whose `when` is false, and every step that only follows it', () => {
    const c = fanOut().complete('register');
    expect(c.statuses()).toMatchObject({ insurance: 'skipped:0', 'insurance-followup': 'skipped:0' });
    const skipped = c.state.timeline
      .filter((e) => e.type === 'step-skipped')
      .map((e) => [e.stepId, e.detail]);
    expect(skipped).toEqual([
      ['insurance', "when is false: case.priority == 'urgent'"],
      ['insurance-followup', 'every step it waits for was skipped'],
    ]);
  });

  it('waits for every input of a join and runs it when one input completed', () => {
    const c = fanOut().complete('register').complete('seal');
    expect(c.statuses()['done']).toBe('pending:0');
    c.complete('invoice');
    expect(c.statuses()['done']).toBe('active:1');
    c.complete('done');
    expect(c.view().status).toBe('closed');
  });

  it.each([
    ['every input skipped: the join is skipped', false, 'skipped:0'],
    ['one input completed: the join runs', true, 'active:1'],
  ])('%s', (_label, confirmed, expected) => {
    const steps = [
      task('a'),
      task('b', { after: ['a'], when: 'steps.a.result.go == true' }),
      task('c', { after: ['a'], when: 'false' }),
      task('join', { after: ['b', 'c'] }),
    ];
    const c = new CaseDriver(caseInput(flow(steps)), T0).complete('a', { go: confirmed });
    if (confirmed) c.complete('b');
    expect(c.statuses()['join']).toBe(expected);
  });

  it('treats a condition that cannot be evaluated as false and says why', () => {
    const steps = [task('a'), task('b', { after: ['a'], when: 'steps.a.result.missing == true' })];
    const c = new CaseDriver(caseInput(flow(steps)), T0).complete('a', {});
    expect(c.statuses()['b']).toBe('skipped:0');
    expect(c.state.timeline.find((e) => e.stepId === 'b')?.detail).toMatch(
      /condition failed, treated as false/,
    );
  });

  it('closes the case when the last step finishes and the flow has no review', () => {
    const c = new CaseDriver(caseInput(flow([task('only')])), T0).complete('only', {}, T0 + 1000);
    expect(c.view()).toMatchObject({
      status: 'closed',
      stage: 'closed',
      closedAt: '2026-03-02T00:00:01+00:00',
    });
  });
});
