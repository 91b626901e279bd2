/** The emergency overlay: triggers, opening by hand, raising and lowering (re-timing), closing. */
import { at, HOUR } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';
import { flow, sla, task } from './fixtures/flow-builder';

const T0 = at('2026-03-02T00:00:00Z');

function emergencyFlow(data: Record<string, unknown> = {}): CaseDriver {
  const f = flow([task('handle', { sla: sla('1d', 'calendar') })], {
    emergency: {
      triggers: [
        { when: 'case.data.injuries == true', level: 4 },
        { when: 'case.data.deaths > 0', level: 2 },
      ],
      steps: [
        task('report-district', { stage: 'emergency', sla: sla('2h', 'calendar') }),
        task('report-city', { stage: 'emergency', after: ['report-district'], sla: sla('2h', 'calendar') }),
      ],
    },
  });
  return new CaseDriver(caseInput(f, { data }), T0);
}

describe('emergency', () => {
  it.each([
    ['no trigger holds', {}, 0, 'action'],
    ['injuries open a level IV emergency', { injuries: true }, 4, 'emergency'],
    ['the most severe trigger wins', { injuries: true, deaths: 1 }, 2, 'emergency'],
  ])('at start: %s', (_label, data, level, stage) => {
    const c = emergencyFlow(data);
    expect(c.view()).toMatchObject({ emergencyLevel: level, stage });
    expect(c.statuses()['report-district']).toBe(level > 0 ? 'active:1' : 'pending:0');
  });

  it('opens when data change makes a trigger hold', () => {
    const c = emergencyFlow().act({ type: 'updateData', data: { injuries: true }, reason: '现场有人受伤' });
    expect(c.view().emergencyLevel).toBe(4);
    expect(c.notifications('emergency').map((n) => n.department)).toEqual([
      undefined,
      'report-district-dept',
    ]);
  });

  it('is opened, raised, lowered and closed by hand, re-timing the open emergency steps', () => {
    const c = emergencyFlow();
    c.act({ type: 'setEmergency', level: 3, reason: '险情' });
    expect(c.step('report-district')).toMatchObject({ status: 'active', dueAt: '2026-03-02T02:00:00+00:00' });
    c.act({ type: 'setEmergency', level: 1, reason: '升级' }, T0 + HOUR);
    const raised = c.step('report-district');
    expect(raised.dueAt).toBe('2026-03-02T03:00:00+00:00');
    expect(raised.dueExplanation).toMatch(/^re-timed at the change to I级/);
    expect(raised.dueExplanationZh).toBe(
      '应急响应调整为I级时重新计时：自 2026-03-02（周一）01:00 起 2 小时，按自然时间计（UTC，always-open 日历） → 2026-03-02（周一）03:00',
    );
    c.complete('report-district', {}, T0 + 90 * 60_000);
    c.act({ type: 'setEmergency', level: 2, reason: '降级' }, T0 + 2 * HOUR);
    expect(c.step('report-city').dueAt).toBe('2026-03-02T04:00:00+00:00');
    c.act({ type: 'setEmergency', level: 0, reason: '终止' }, T0 + 3 * HOUR);
    expect(c.statuses()).toMatchObject({ 'report-district': 'completed:1', 'report-city': 'cancelled:1' });
    expect(c.view()).toMatchObject({ emergencyLevel: 0, stage: 'action' });
    expect(c.timelineTypes()).toEqual(
      expect.arrayContaining([
        'emergency-opened',
        'emergency-raised',
        'emergency-lowered',
        'emergency-closed',
      ]),
    );
  });

  it('runs the emergency steps again in a new round when it opens a second time', () => {
    const c = emergencyFlow();
    c.act({ type: 'setEmergency', level: 4, reason: 'a' }).act({
      type: 'setEmergency',
      level: 0,
      reason: 'b',
    });
    c.act({ type: 'setEmergency', level: 4, reason: 'c' });
    expect(c.statuses()['report-district']).toBe('active:2');
  });

  it('keeps the case open until the open emergency steps finish, then closes both', () => {
    const c = emergencyFlow({ injuries: true });
    c.complete('handle');
    expect(c.view()).toMatchObject({ status: 'open', stage: 'emergency' });
    c.complete('report-district').complete('report-city');
    expect(c.view()).toMatchObject({ status: 'closed', emergencyLevel: 0 });
  });
});
