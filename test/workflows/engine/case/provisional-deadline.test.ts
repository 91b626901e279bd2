/** A case whose deadlines run into a year without a published holiday arrangement says so in its views. */
import { caseViewOfRecord } from '../../../../ledger/readers/case-view-of-record';
import { ledgerSnapshot } from '../../../../workflows/engine/case/ledger-snapshot';
import { cnMainland } from '../time/calendar-fixtures';
import { at, CN_MAINLAND } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { exposedGarbage } from './fixtures/exposed-garbage';

const NOT_PUBLISHED = '2027 arrangement not yet published: statutory holidays assumed';

function garbageCase(calendar: typeof CN_MAINLAND, start: string): CaseDriver {
  const input = caseInput(exposedGarbage(), {
    calendar,
    data: { address: '北京街道 1 号', category: 'household' },
  });
  return new CaseDriver(input, at(start));
}

describe('provisional deadlines in the case view', () => {
  it('marks the step and case deadlines counted into 2027 on the shipped cn-mainland', () => {
    const c = garbageCase(cnMainland, '2026-12-31T17:00:00+08:00');
    const view = c.view();
    const verify = c.step('verify');
    // 1 working hour from Thu 17:00: 30 minutes on 2026-12-31, then New Year's Day 2027 and the weekend skipped.
    expect(verify.dueAt).toBe('2027-01-04T09:00:00+08:00');
    expect(verify.dueProvisional).toBe(NOT_PUBLISHED);
    expect(verify.dueExplanation).toMatch(/holidays 2027-01-01 skipped/);
    expect(verify.dueExplanation).toMatch(new RegExp(`\\(provisional: ${NOT_PUBLISHED}\\)$`));
    expect(view.dueProvisional).toBe(NOT_PUBLISHED);
    const record = caseViewOfRecord(ledgerSnapshot(c.state), false, at('2026-12-31T17:00:00+08:00'));
    expect(record.dueProvisional).toBe(NOT_PUBLISHED);
    expect(record.steps.find((step) => step.id === 'verify')?.dueProvisional).toBe(NOT_PUBLISHED);
  });

  it('leaves deadlines within the published 2026 unmarked', () => {
    const c = garbageCase(cnMainland, '2026-12-01T09:00:00+08:00');
    expect(c.step('verify').dueProvisional).toBeUndefined();
    expect(c.view().dueProvisional).toBeUndefined();
    expect(c.step('verify').dueExplanation).not.toContain('provisional');
  });

  it('marks nothing for a case that pinned a calendar without published years (as running cases did)', () => {
    const c = garbageCase(CN_MAINLAND, '2026-12-31T17:00:00+08:00');
    expect(c.step('verify').dueAt).toBe('2027-01-01T09:00:00+08:00');
    expect(c.step('verify').dueProvisional).toBeUndefined();
    expect(c.view().dueProvisional).toBeUndefined();
  });
});
