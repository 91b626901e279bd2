import { addDuration, parseDuration, provisionalNote } from '../../../../workflows/engine/time';
import { alwaysOpen, cnMainland } from './calendar-fixtures';

const at = (text: string): number => Date.parse(text);

describe('provisional deadlines', () => {
  it('marks a deadline counted into 2027 on cn-mainland, and says why in its explanation', () => {
    const deadline = addDuration(
      cnMainland,
      at('2026-12-24T10:00:00+08:00'),
      parseDuration('20d'),
      'working',
    );
    expect(deadline.provisional).toBe('2027 arrangement not yet published: statutory holidays assumed');
    expect(deadline.explanation).toMatch(/^20 working days from Thu 2026-12-24 10:00 on cn-mainland /);
    expect(deadline.explanation).toContain('; holidays 2027-01-01 skipped → Fri 2027-01-22 10:00 ');
    expect(deadline.explanation).toMatch(
      / \(provisional: 2027 arrangement not yet published: statutory holidays assumed\)$/,
    );
  });

  it('leaves a deadline within the published 2026 final', () => {
    const deadline = addDuration(cnMainland, at('2026-12-01T10:00:00+08:00'), parseDuration('5d'), 'working');
    expect(deadline.provisional).toBeUndefined();
    expect(deadline.explanation).not.toContain('provisional');
  });

  it('never marks the calendar clock, nor a calendar without a yearly arrangement', () => {
    const start = at('2026-12-24T10:00:00+08:00');
    expect(addDuration(cnMainland, start, parseDuration('20d'), 'calendar').provisional).toBeUndefined();
    expect(addDuration(alwaysOpen, start, parseDuration('400d'), 'working').provisional).toBeUndefined();
  });

  it('names every unpublished year counted through, and those past the rules as without holidays', () => {
    const from = at('2026-06-01T10:00:00+08:00');
    expect(provisionalNote(cnMainland, from, at('2029-03-01T10:00:00+08:00'))).toBe(
      '2027 to 2029 arrangements not yet published: statutory holidays assumed',
    );
    expect(provisionalNote(cnMainland, from, at('2033-03-01T10:00:00+08:00'))).toBe(
      '2027 to 2031 arrangements not yet published: statutory holidays assumed; ' +
        '2032, 2033 arrangements not yet published and rules expanded through 2031: no holidays assumed',
    );
    const noRules = { ...cnMainland, rulesExpandedThrough: undefined };
    expect(provisionalNote(noRules, from, at('2027-03-01T10:00:00+08:00'))).toBe(
      '2027 arrangement not yet published and the calendar has no holiday rules: no holidays assumed',
    );
  });
});
