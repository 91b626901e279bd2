/**
 * A published calendar revision applied to a running case, without a server: deadlines still ahead recomputed on
 * the new days and explained, passed ones kept and explained, the timeline entry, and the cases it does not concern.
 */
import type { Actor } from '../../../../workflows/engine/case-input';
import {
  checkCalendarRevision,
  reviseCaseCalendar,
  type CalendarRevision,
} from '../../../../workflows/engine/calendar-revision';
import type { WorkingCalendar } from '../../../../workflows/engine/calendar-model';
import { caseView } from '../../../../workflows/engine/case';
import { formatInstant } from '../../../../workflows/engine/time';
import { at, CN_MAINLAND, HOUR } from '../case/fixtures/calendars';
import { CaseDriver, caseInput } from '../case/fixtures/case-driver';
import { flow, rung, sla, task } from '../case/fixtures/flow-builder';

const ADMIN: Actor = { sub: 'admin-li', role: 'admin' };
const ZONE = 'Asia/Shanghai';
const local = (ms: number | undefined) => (ms === undefined ? undefined : formatInstant(ms, ZONE));

/** The 2026 calendar the case pinned, as the shipped file has it (2027 not yet arranged). */
const PINNED: WorkingCalendar = { ...CN_MAINLAND, holidays: [...CN_MAINLAND.holidays, '2026-10-01'] };

/** Revision 1: 2027's New Year's Day off, and (too late to matter) a day off today. */
function revision(extra: Partial<WorkingCalendar> = {}, number = 1): CalendarRevision {
  return {
    calendar: {
      ...PINNED,
      holidays: [...PINNED.holidays, '2026-12-24', '2027-01-01'],
      ...extra,
      revision: number,
    },
    publishedBy: ADMIN,
    publishedAt: at('2026-12-24T15:00:00+08:00'),
  };
}

/** Started Thu 2026-12-24 10:00: `quick` (1 working hour) and `long` (5 working days) in parallel, 20 days in all. */
function runningCase(): CaseDriver {
  const steps = [
    task('quick', { sla: sla('1h') }),
    task('long', { sla: sla('5d'), allow: ['extension'], escalation: [rung('1d', 'remind')] }),
  ];
  const input = caseInput(flow(steps, { calendar: 'cn-mainland', sla: sla('20d') }), { calendar: PINNED });
  return new CaseDriver(input, at('2026-12-24T10:00:00+08:00')).tick(at('2026-12-24T15:00:00+08:00'));
}

describe('applying a published calendar revision to a running case', () => {
  it('moves a deadline still ahead onto the new days, keeps a passed one, and explains both', () => {
    const c = runningCase();
    const before = c.state;
    expect(local(before.caseDeadline?.at)).toBe('2027-01-21T10:00:00+08:00');

    const { transition, report } = reviseCaseCalendar(before, revision(), c.now);
    const after = transition.state;

    expect(local(after.caseDeadline?.at)).toBe('2027-01-22T10:00:00+08:00');
    expect(after.caseDeadline?.explanation).toMatch(/holidays .*2027-01-01 skipped/);
    expect(after.caseDeadline?.explanation).toMatch(
      /recomputed on cn-mainland revision 1 \(published Thu 2026-12-24 15:00 by admin-li\); was Thu 2027-01-21 10:00/,
    );
    expect(after.steps['quick']?.deadline?.at).toBe(before.steps['quick']?.deadline?.at);
    expect(after.steps['quick']?.deadline?.explanation).toMatch(
      /; kept on cn-mainland revision 1 .*: it had passed$/,
    );
    // 5 working days end on Thu 2026-12-31: the new days change nothing for it.
    expect(local(after.steps['long']?.deadline?.at)).toBe('2026-12-31T10:00:00+08:00');
    expect(after.steps['long']?.deadline?.explanation).toMatch(/; unchanged on cn-mainland revision 1/);
    // The same three outcomes in Chinese, from the facts the deadlines keep.
    const zh = caseView(after, c.now);
    const published = 'cn-mainland 日历第 1 版（admin-li 于 2026-12-24（周四）15:00 发布）';
    expect(zh.dueExplanationZh).toMatch(/跳过节假日 .*2027-01-01/);
    expect(zh.dueExplanationZh).toContain(`（按 ${published}重新计算；原为 2027-01-21（周四）10:00）`);
    expect(zh.steps.find((s) => s.id === 'quick')?.dueExplanationZh).toMatch(
      new RegExp(`；${published.replace(/[()（）]/g, '.')}发布时已过期，保持不变$`),
    );
    expect(zh.steps.find((s) => s.id === 'long')?.dueExplanationZh).toMatch(
      /；按 cn-mainland 日历第 1 版.*不变$/,
    );

    expect(report).toMatchObject({ fromRevision: 0, toRevision: 1, effectiveFrom: '2026-12-25' });
    expect(report.deadlines.map(({ of, decision }) => [of, decision])).toEqual([
      ['quick', 'passed'],
      ['long', 'unchanged'],
      ['case', 'moved'],
    ]);
    const entry = after.timeline.at(-1);
    expect(entry).toMatchObject({ type: 'calendar-revised', actor: ADMIN });
    expect(entry?.detail).toBe(
      'cn-mainland revision 0 → 1 (published Thu 2026-12-24 15:00 by admin-li), its days from 2026-12-25: ' +
        'quick kept (passed Thu 2026-12-24 11:00); long unchanged (Thu 2026-12-31 10:00); ' +
        'the case due Thu 2027-01-21 10:00 → Fri 2027-01-22 10:00',
    );
  });

  it('pins the new days from tomorrow on and keeps every day up to today as it was', () => {
    const c = runningCase();
    const after = reviseCaseCalendar(c.state, revision(), c.now).transition.state;
    expect(after.input.calendar.revision).toBe(1);
    expect(after.input.calendar.holidays).toContain('2027-01-01');
    // Today, 2026-12-24, was a working day when the revision arrived: it stays one.
    expect(after.input.calendar.holidays).not.toContain('2026-12-24');
    expect(after.input.flow).toBe(c.state.input.flow);
    expect(after.input.assignees).toBe(c.state.input.assignees);
  });

  it('counts the working time still ahead of a moved deadline on the new days', () => {
    const c = runningCase();
    c.act({
      type: 'requestExtension',
      stepId: 'long',
      until: at('2026-12-31T17:00:00+08:00'),
      reason: 'parts',
    });
    c.act({ type: 'decideExtension', stepId: 'long', approve: true });
    const extended = c.state.steps['long']?.deadline?.at;
    expect(local(extended)).toBe('2026-12-31T17:00:00+08:00');
    const moved = revision({ holidays: [...PINNED.holidays, '2026-12-28'] });
    const after = reviseCaseCalendar(c.state, moved, c.now).transition.state;
    // One working day more ahead of it: Mon 2026-12-28 is now a day off.
    expect(local(after.steps['long']?.deadline?.at)).toBe('2027-01-01T17:00:00+08:00');
    expect(after.steps['long']?.deadline?.explanation).toMatch(
      /; on cn-mainland revision 1 .*: the \d+h( \d+m)? of working time still ahead at Thu 2026-12-24 15:00 counted on its days → Fri 2027-01-01 17:00$/,
    );
    // Its rung (1 working day after the deadline) follows it.
    expect(local(after.steps['long']?.rungs[0]?.at)).toBe('2027-01-04T17:00:00+08:00');
  });

  it('is not for a case on another calendar, on this revision already, or closed', () => {
    const c = runningCase();
    const other = { ...revision(), calendar: { ...revision().calendar, name: 'us-sf' } };
    expect(() => checkCalendarRevision(c.state, other)).toThrow(/runs on calendar 'cn-mainland'/);
    const revised = reviseCaseCalendar(c.state, revision(), c.now).transition.state;
    expect(() => checkCalendarRevision(revised, revision())).toThrow(/revision 1 of 'cn-mainland' already/);
    c.act({ type: 'cancel', reason: 'duplicate' });
    expect(() => checkCalendarRevision(c.state, revision())).toThrow(/the case is cancelled/);
  });

  it('refuses a revision that changes the working hours, the weekend or the time zone', () => {
    const c = runningCase();
    const changed = revision({ workingHours: [['09:00', '17:00']], weekend: ['sun'] });
    expect(() => checkCalendarRevision(c.state, changed)).toThrow(
      expect.objectContaining({
        name: 'CalendarRevisionRefusedError',
        message: expect.stringMatching(/^weekend: .*; workingHours: /),
      }),
    );
  });

  it('leaves a deadline on the calendar clock alone', () => {
    const steps = [task('natural', { sla: sla('10d', 'calendar') })];
    const input = caseInput(flow(steps, { calendar: 'cn-mainland' }), { calendar: PINNED });
    const c = new CaseDriver(input, at('2026-12-24T10:00:00+08:00'));
    const after = reviseCaseCalendar(c.state, revision(), c.now + HOUR).transition.state;
    expect(after.steps['natural']?.deadline).toEqual(c.state.steps['natural']?.deadline);
  });
});
