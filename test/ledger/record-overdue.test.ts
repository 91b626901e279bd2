/**
 * A case answered from its ledger record (no worker answers) says whether it is overdue as the engine's view would:
 * past the whole-case deadline while open, not while the clocks stand still at a suspension, never once ended.
 */
import { caseViewOfRecord, isRecordOverdue } from '../../ledger/readers/case-view-of-record';
import { ledgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import { cnMainland } from '../workflows/engine/time/calendar-fixtures';
import { at } from '../workflows/engine/case/fixtures/calendars';
import { CaseDriver, caseInput } from '../workflows/engine/case/fixtures/case-driver';
import { exposedGarbage } from '../workflows/engine/case/fixtures/exposed-garbage';

const START = at('2026-12-01T09:00:00+08:00');
/** Before and well after the case's deadline (2026-12-03 09:00 on cn-mainland). */
const TIMES = ['2026-12-02T10:00:00+08:00', '2026-12-20T10:00:00+08:00'].map((text) => at(text));

function garbageCase(): CaseDriver {
  const input = caseInput(exposedGarbage(), {
    calendar: cnMainland,
    data: { address: '北京街道 1 号', category: 'household' },
  });
  return new CaseDriver(input, START);
}

/** The engine's `overdue` and the record's, at each of TIMES. */
function overdueBoth(c: CaseDriver): [boolean, boolean][] {
  const snapshot = ledgerSnapshot(c.state);
  return TIMES.map((now) => [
    c.view(now).overdue,
    caseViewOfRecord(snapshot, isRecordOverdue(snapshot, now), now).overdue,
  ]);
}

describe("a record's overdue", () => {
  it('turns true past the deadline of an open case, as the engine says', () => {
    expect(overdueBoth(garbageCase())).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('stays false for a case suspended before its deadline: its clocks stand still', () => {
    const c = garbageCase().act({ type: 'suspend', reason: '等待复核' }, at('2026-12-01T10:00:00+08:00'));
    expect(overdueBoth(c)).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('is false for a cancelled case', () => {
    const c = garbageCase().act({ type: 'cancel', reason: '重复工单' }, at('2026-12-01T10:00:00+08:00'));
    expect(overdueBoth(c)).toEqual([
      [false, false],
      [false, false],
    ]);
  });
});
