/**
 * The Chinese explanation of a case's deadlines (engine revision 9, `deadlinesKeepFacts`): worded from the facts a
 * deadline keeps, through its moves (suspension, extension, emergency re-timing); absent on an older case, whose
 * view shows the English only. And the English step title next to the Chinese one.
 */
import { explainDeadlineZh } from '../../../../workflows/engine/time';
import { at, CN_MAINLAND, HOUR } from './fixtures/calendars';
import { CaseDriver, caseInput, SUPERVISOR } from './fixtures/case-driver';
import { flow, sla, task } from './fixtures/flow-builder';

/** Fri 2026-03-06 16:30 in Beijing: the count runs over the night and the weekend. */
const FRIDAY_1630 = at('2026-03-06T16:30:00+08:00');
const ZH_COUNT =
  '自 2026-03-06（周五）16:30 起 4 个工作小时，按 cn-mainland 日历（08:30–12:00、14:00–17:30，Asia/Shanghai）：' +
  '跳过 2026-03-06 夜间；跳过周末 2026-03-07、2026-03-08 → 2026-03-09（周一）11:30';

function handleCase(revision?: number): CaseDriver {
  const handle = task('handle', {
    title: { zh: '处置', en: 'Handle the report' },
    sla: sla('4h'),
    allow: ['extension'],
  });
  const other = task('check', { after: ['handle'], title: { zh: '核查' } });
  const input = caseInput(flow([handle, other], { sla: sla('1d') }), { calendar: CN_MAINLAND });
  return new CaseDriver(input, FRIDAY_1630, revision);
}

describe('deadline explanations in Chinese', () => {
  it('words a new step deadline and the whole-case deadline from the same facts as the English', () => {
    const c = handleCase();
    const step = c.step('handle');
    expect(step.dueExplanation).toBe(
      '4 working hours from Fri 2026-03-06 16:30 on cn-mainland (08:30–12:00, 14:00–17:30, Asia/Shanghai): ' +
        'night of 2026-03-06 skipped; weekend 2026-03-07, 2026-03-08 skipped → Mon 2026-03-09 11:30',
    );
    expect(step.dueExplanationZh).toBe(ZH_COUNT);
    expect(c.view().dueExplanationZh).toMatch(
      /^自 2026-03-06（周五）16:30 起 1 个工作日，按 cn-mainland 日历/,
    );
    const account = c.state.steps['handle']?.deadline?.account;
    expect(account && explainDeadlineZh(account.count, CN_MAINLAND)).toBe(ZH_COUNT);
  });

  it('adds a suspension and its resumption to the words, as the English does', () => {
    const c = handleCase();
    c.act({ type: 'suspend', reason: '等待材料' }, at('2026-03-09T09:30:00+08:00'));
    c.act({ type: 'resume', reason: '材料已到' }, at('2026-03-09T10:30:00+08:00'));
    const step = c.step('handle');
    expect(step.dueAt).toBe('2026-03-09T14:30:00+08:00');
    expect(step.dueExplanationZh).toBe(
      `${ZH_COUNT}；2026-03-09（周一）09:30 至 2026-03-09（周一）10:30 挂起，顺延 1 小时工作时间 → 2026-03-09（周一）14:30`,
    );
    expect(step.dueExplanation).toMatch(
      /; suspended .* 1h of working time added → 2026-03-09T14:30:00\+08:00$/,
    );
  });

  it('adds an approved extension with who approved it and the note', () => {
    const c = handleCase();
    const until = at('2026-03-10T17:30:00+08:00');
    c.act({ type: 'requestExtension', stepId: 'handle', until, reason: '需协调' }, FRIDAY_1630 + HOUR);
    c.act({ type: 'decideExtension', stepId: 'handle', approve: true, note: '同意', actor: SUPERVISOR });
    expect(c.step('handle').dueExplanationZh).toBe(
      `${ZH_COUNT}；经 sup-1 批准延期至 2026-03-10（周二）17:30：同意`,
    );
  });

  it('leaves a case started before revision 9 with the English words only', () => {
    const c = handleCase(8);
    const step = c.step('handle');
    expect(step.dueExplanation).toMatch(/^4 working hours from Fri 2026-03-06 16:30/);
    expect(step.dueExplanationZh).toBeUndefined();
    expect(c.view().dueExplanationZh).toBeUndefined();
    expect(c.state.steps['handle']?.deadline?.account).toBeUndefined();
  });

  it('shows the flow’s English title next to the Chinese one, and none where the flow has none', () => {
    const c = handleCase();
    expect(c.step('handle')).toMatchObject({ title: '处置', titleEn: 'Handle the report' });
    expect(c.step('check').title).toBe('核查');
    expect(c.step('check')).not.toHaveProperty('titleEn');
  });
});
