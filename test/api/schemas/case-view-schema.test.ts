/** The case view's schema declares the words in both languages: what the API documents and the web's types carry. */
import { CaseViewSchema } from '../../../api/schemas';
import { at, CN_MAINLAND } from '../../workflows/engine/case/fixtures/calendars';
import { CaseDriver, caseInput } from '../../workflows/engine/case/fixtures/case-driver';
import { flow, sla, task } from '../../workflows/engine/case/fixtures/flow-builder';

describe('the case view schema', () => {
  it('keeps the English title and the Chinese deadline and claim-limit explanations of an engine view', () => {
    const handle = task('handle', {
      title: { zh: '处置', en: 'Handle the report' },
      sla: { ...sla('4h'), claimWithin: sla('1h').within },
    });
    const input = caseInput(flow([handle], { sla: sla('1d') }), { calendar: CN_MAINLAND });
    const view = new CaseDriver(input, at('2026-03-06T16:30:00+08:00')).view();
    const parsed = CaseViewSchema.parse(view);
    expect(parsed.dueExplanationZh).toMatch(/^自 2026-03-06（周五）16:30 起 1 个工作日/);
    expect(parsed.steps[0]).toMatchObject({
      title: '处置',
      titleEn: 'Handle the report',
      dueExplanationZh: expect.stringMatching(/^自 2026-03-06（周五）16:30 起 4 个工作小时/),
      claimDueExplanationZh: expect.stringMatching(/^自 2026-03-06（周五）16:30 起 1 个工作小时/),
    });
    expect(parsed).toEqual(view);
  });
});
