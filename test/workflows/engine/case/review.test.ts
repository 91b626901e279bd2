/** 总结提升: the feedback window, 重办 when unsatisfied through a department's fault, closure. */
import { at, DAY } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, sla, task } from './fixtures/flow-builder';
import { parseDuration } from '../../../../workflows/engine/time';

const T0 = at('2026-03-02T00:00:00Z');

/** dispatch → handle → check, review window 3 calendar days, 重办 from handle; advanced into review. */
function inReview(): CaseDriver {
  const f = flow(
    [
      task('dispatch', { stage: 'mobilization' }),
      task('handle', { after: ['dispatch'], sla: sla('1d', 'calendar') }),
      task('check', { stage: 'supervision', after: ['handle'] }),
    ],
    {
      review: { feedback: { within: parseDuration('3d'), clock: 'calendar' }, reworkOnUnsatisfied: 'handle' },
    },
  );
  return new CaseDriver(caseInput(f), T0).complete('dispatch').complete('handle').complete('check');
}

describe('review', () => {
  it('opens the feedback window once the main steps are done', () => {
    const c = inReview();
    expect(c.view()).toMatchObject({
      stage: 'review',
      status: 'open',
      review: { status: 'open', windowClosesAt: '2026-03-05T00:00:00+00:00' },
    });
    expect(c.wakeAt()).toBe(T0 + 3 * DAY);
  });

  it.each([
    ['satisfied', { satisfaction: 'satisfied', resolved: true }, 'closed'],
    ['basically satisfied', { satisfaction: 'basically-satisfied', resolved: true }, 'closed'],
    [
      'unsatisfied, resolved, not the department’s fault',
      { satisfaction: 'unsatisfied', resolved: true, fault: 'other' },
      'closed',
    ],
    [
      'unsatisfied through the department’s fault',
      { satisfaction: 'unsatisfied', resolved: true, fault: 'department' },
      'open',
    ],
    ['unsatisfied and not resolved', { satisfaction: 'unsatisfied', resolved: false }, 'open'],
  ] as const)('feedback %s → case %s', (_label, feedback, status) => {
    const c = inReview().act({ type: 'feedback', ...feedback });
    expect(c.view().status).toBe(status);
  });

  it('重办 runs the target step and what follows it in new rounds, then opens a new window', () => {
    const c = inReview().act(
      {
        type: 'feedback',
        satisfaction: 'unsatisfied',
        resolved: false,
        fault: 'department',
        comment: '垃圾仍在',
      },
      T0 + DAY,
    );
    expect(c.statuses()).toMatchObject({ dispatch: 'completed:1', handle: 'active:2', check: 'pending:1' });
    expect(c.view().stage).toBe('action');
    expect(c.step('handle').dueAt).toBe('2026-03-04T00:00:00+00:00');
    c.complete('handle').complete('check', {}, T0 + 2 * DAY);
    expect(c.view()).toMatchObject({
      stage: 'review',
      review: { windowClosesAt: '2026-03-07T00:00:00+00:00' },
    });
    c.act({ type: 'feedback', satisfaction: 'satisfied', resolved: true });
    expect(c.view()).toMatchObject({ status: 'closed', metrics: { redos: 1, satisfaction: 'satisfied' } });
  });

  it('closes the case when the window expires without feedback', () => {
    const c = inReview().tick(T0 + 3 * DAY);
    expect(c.view()).toMatchObject({ status: 'closed', stage: 'closed' });
    expect(c.timelineTypes().at(-1)).toBe('case-closed');
  });

  it('measures the whole-case SLA to resolution, not to the end of the review window', () => {
    const f = flow([task('handle')], {
      sla: sla('1d', 'calendar'),
      review: { feedback: { within: parseDuration('3d'), clock: 'calendar' } },
    });
    const c = new CaseDriver(caseInput(f), T0).complete('handle', {}, T0 + DAY / 2);
    expect(c.tick(T0 + 2 * DAY).summary()).toMatchObject({ overdue: false, stage: 'review' });
    expect(c.summary().nextDueAt).toBeUndefined();
    c.tick(T0 + 4 * DAY);
    expect(c.view()).toMatchObject({ status: 'closed', overdue: false, metrics: { onTime: true } });
  });

  it('refuses feedback outside the window', () => {
    const c = new CaseDriver(caseInput(flow([task('a')])), T0);
    expect(() => c.act({ type: 'feedback', satisfaction: 'satisfied', resolved: true })).toThrow(
      expect.objectContaining({ name: 'ActionNotAllowedError' }),
    );
  });
});
