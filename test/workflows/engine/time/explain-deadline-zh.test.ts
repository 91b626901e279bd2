import type { WorkingCalendar } from '../../../../workflows/engine/calendar-model';
import type { Clock } from '../../../../workflows/engine/flow-model';
import {
  addDuration,
  explainDeadlineZh,
  parseDuration,
  parseInstant,
} from '../../../../workflows/engine/time';
import { cnMainland, cnWithSpecialDays } from './calendar-fixtures';

interface Case {
  readonly name: string;
  readonly calendar?: WorkingCalendar;
  readonly start: string;
  readonly duration: string;
  readonly clock?: Clock;
  readonly zh: string;
}

const HOURS = '08:30–12:00、14:00–17:30，Asia/Shanghai';

const CASES: Case[] = [
  {
    name: 'skips the night and a weekend',
    start: '2026-03-06T16:30:00+08:00',
    duration: '4h',
    zh: `自 2026-03-06（周五）16:30 起 4 个工作小时，按 cn-mainland 日历（${HOURS}）：跳过 2026-03-06 夜间；跳过周末 2026-03-07、2026-03-08 → 2026-03-09（周一）11:30`,
  },
  {
    name: 'skips the Spring Festival as a range and counts the make-up Saturday it starts on',
    start: '2026-02-14T17:30:00+08:00',
    duration: '1d',
    zh: `自 2026-02-14（周六）17:30 起 1 个工作日，按 cn-mainland 日历（${HOURS}）：起点不在工作时间内，自 2026-02-24（周二）08:30 起算；跳过 2026-02-14 夜间；跳过午休 1 次；跳过节假日 2026-02-15 至 2026-02-23；计入调休上班日 2026-02-14 → 2026-02-24（周二）17:30`,
  },
  {
    name: 'skips National Day, counts the make-up Saturday after it and lists the nights',
    start: '2026-09-29T09:00:00+08:00',
    duration: 'P5D',
    zh: `自 2026-09-29（周二）09:00 起 5 个工作日，按 cn-mainland 日历（${HOURS}）：跳过 2026-09-29、2026-09-30、2026-10-08 至 2026-10-10 夜间；跳过午休 5 次；跳过周末 2026-10-11；跳过节假日 2026-10-01 至 2026-10-07；计入调休上班日 2026-10-10 → 2026-10-12（周一）09:00`,
  },
  {
    name: 'skips the lunch break',
    start: '2026-03-09T11:00:00+08:00',
    duration: '2h',
    zh: `自 2026-03-09（周一）11:00 起 2 个工作小时，按 cn-mainland 日历（${HOURS}）：跳过午休 1 次 → 2026-03-09（周一）15:00`,
  },
  {
    name: 'starts at night and counts from the next morning',
    start: '2026-03-09T20:00:00+08:00',
    duration: '1h',
    zh: `自 2026-03-09（周一）20:00 起 1 个工作小时，按 cn-mainland 日历（${HOURS}）：起点不在工作时间内，自 2026-03-10（周二）08:30 起算 → 2026-03-10（周二）09:30`,
  },
  {
    name: 'starts during lunch and counts minutes of working time',
    start: '2026-03-09T12:30:00+08:00',
    duration: '30m',
    zh: `自 2026-03-09（周一）12:30 起 30 分钟工作时间，按 cn-mainland 日历（${HOURS}）：起点不在工作时间内，自 2026-03-09（周一）14:00 起算 → 2026-03-09（周一）14:30`,
  },
  {
    name: 'counts back over a weekend for a negative duration',
    start: '2026-03-09T08:45:00+08:00',
    duration: '-30m',
    zh: `自 2026-03-09（周一）08:45 起倒推 30 分钟工作时间，按 cn-mainland 日历（${HOURS}）：跳过 2026-03-06 夜间；跳过周末 2026-03-07、2026-03-08 → 2026-03-06（周五）17:15`,
  },
  {
    name: 'counts a special half day and skips a special day off',
    calendar: cnWithSpecialDays,
    start: '2026-03-10T10:00:00+08:00',
    duration: '4h',
    zh: `自 2026-03-10（周二）10:00 起 4 个工作小时，按 cn-special 日历（${HOURS}）：跳过 2026-03-10 夜间；计入 2026-03-10 特殊工作时间（08:30–12:00）；跳过特殊休息日 2026-03-11 → 2026-03-12（周四）10:30`,
  },
  {
    name: 'runs through the evening on the calendar clock',
    start: '2026-03-06T16:30:00+08:00',
    duration: '2h',
    clock: 'calendar',
    zh: '自 2026-03-06（周五）16:30 起 2 小时，按自然时间计（Asia/Shanghai，cn-mainland 日历） → 2026-03-06（周五）18:30',
  },
  {
    name: 'counts calendar days on the calendar clock',
    start: '2026-03-06T16:30:00+08:00',
    duration: '3d',
    clock: 'calendar',
    zh: '自 2026-03-06（周五）16:30 起 3 天，按自然时间计（Asia/Shanghai，cn-mainland 日历） → 2026-03-09（周一）16:30',
  },
  {
    name: 'names days, hours and minutes together',
    start: '2026-03-06T16:30:00+08:00',
    duration: 'P1DT2H30M',
    zh: `自 2026-03-06（周五）16:30 起 1 个工作日 2 小时 30 分钟，按 cn-mainland 日历（${HOURS}）：跳过 2026-03-06、2026-03-09 夜间；跳过午休 1 次；跳过周末 2026-03-07、2026-03-08 → 2026-03-10（周二）10:00`,
  },
  {
    name: 'says why a count into an unpublished year is provisional',
    start: '2031-12-31T10:00:00+08:00',
    duration: '1d',
    zh: `自 2031-12-31（周三）10:00 起 1 个工作日，按 cn-mainland 日历（${HOURS}）：跳过 2031-12-31 夜间；跳过午休 1 次 → 2032-01-01（周四）10:00（暂定：2031 年放假安排尚未公布，按法定节假日推算；2032 年放假安排尚未公布，且节假日规则只推算到 2031 年，未计节假日）`,
  },
];

/** The case's deadline, with its English words, and its Chinese words from the same facts. */
function explained(c: Case): { english: string; chinese: string } {
  const calendar = c.calendar ?? cnMainland;
  const clock = c.clock ?? 'working';
  const deadline = addDuration(calendar, parseInstant(c.start), parseDuration(c.duration), clock);
  return { english: deadline.explanation, chinese: explainDeadlineZh(deadline.facts, calendar) };
}

/** The dates and times a text names, sorted. */
function stamps(text: string): string[] {
  return [...text.matchAll(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}/g)].map((m) => m[0]).sort();
}

describe('explainDeadlineZh', () => {
  it.each(CASES)('$name', (c) => {
    expect(explained(c).chinese).toBe(c.zh);
  });

  it.each(CASES)('names the same dates and times as the English: $name', (c) => {
    const { english, chinese } = explained(c);
    expect(stamps(chinese)).toEqual(stamps(english));
  });
});
