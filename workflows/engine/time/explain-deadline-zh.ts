/**
 * The Chinese wording of a count's facts, for the clerks who read it (时限说明), e.g. "自 2026-03-06（周五）16:30 起
 * 4 个工作小时，按 cn-mainland 日历（08:30–12:00、14:00–17:30，Asia/Shanghai）：跳过 2026-03-06 夜间；跳过周末
 * 2026-03-07、2026-03-08 → 2026-03-09（周一）11:30". Same facts as the English of explain-deadline.ts.
 */
import type { CountFacts, SpecialDay } from './count-facts';
import { dateRuns } from './count-facts';
import type { CalendarNaming } from './explain-deadline';
import { describeLocalZh } from './instants';
import type { ProvisionalFacts } from './provisional';

/** The explanation of a count in Chinese, with "（暂定：…）" when the count is provisional. */
export function explainDeadlineZh(facts: CountFacts, calendar: CalendarNaming): string {
  const line = explainCountZh(facts, calendar);
  return facts.provisional === undefined
    ? line
    : `${line}（暂定：${describeProvisionalZh(facts.provisional)}）`;
}

function explainCountZh(facts: CountFacts, calendar: CalendarNaming): string {
  const { start, duration, clock, at } = facts;
  const zone = calendar.timezone;
  const amount = `自 ${describeLocalZh(start, zone)} 起${duration.negative ? '倒推' : ''} ${describeAmountZh(facts)}`;
  if (clock === 'calendar') {
    return `${amount}，按自然时间计（${zone}，${calendar.name} 日历） → ${describeLocalZh(at, zone)}`;
  }
  const hours = calendar.workingHours.map(([from, to]) => `${from}–${to}`).join('、');
  const notes: string[] = [];
  if (facts.countedFrom !== undefined) {
    notes.push(`起点不在工作时间内，自 ${describeLocalZh(facts.countedFrom, zone)} 起算`);
  }
  if (facts.nights !== undefined) notes.push(`跳过 ${listDatesZh(facts.nights)} 夜间`);
  if (facts.lunchBreaks !== undefined) notes.push(`跳过午休 ${facts.lunchBreaks} 次`);
  if (facts.weekends !== undefined) notes.push(`跳过周末 ${listDatesZh(facts.weekends)}`);
  if (facts.holidays !== undefined) notes.push(`跳过节假日 ${listDatesZh(facts.holidays)}`);
  if (facts.makeUpWorkdays !== undefined) {
    notes.push(`计入调休上班日 ${listDatesZh(facts.makeUpWorkdays)}`);
  }
  for (const day of facts.specialDays ?? []) notes.push(describeSpecialDayZh(day));
  const details = notes.length > 0 ? `：${notes.join('；')}` : '';
  return `${amount}，按 ${calendar.name} 日历（${hours}，${zone}）${details} → ${describeLocalZh(at, zone)}`;
}

function describeSpecialDayZh({ date, periods }: SpecialDay): string {
  if (periods.length === 0) return `跳过特殊休息日 ${date}`;
  return `计入 ${date} 特殊工作时间（${periods.map(([from, to]) => `${from}–${to}`).join('、')}）`;
}

/** `4 个工作小时`, `1 个工作日 2 小时 30 分钟`, `3 天`, `2 小时`: the unit names the clock once. */
function describeAmountZh({ duration, clock }: CountFacts): string {
  const working = clock === 'working';
  const totalMinutes = duration.millis / 60_000;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes - hours * 60;
  const parts: string[] = [];
  if (duration.days !== 0) parts.push(working ? `${duration.days} 个工作日` : `${duration.days} 天`);
  if (hours !== 0) parts.push(working && parts.length === 0 ? `${hours} 个工作小时` : `${hours} 小时`);
  if (minutes !== 0)
    parts.push(working && parts.length === 0 ? `${minutes} 分钟工作时间` : `${minutes} 分钟`);
  if (parts.length > 0) return parts.join(' ');
  return working ? '0 工作时间' : '0';
}

/** `2026-03-07、2026-03-08`; three or more consecutive dates as a range: `2026-10-01 至 2026-10-07`. */
function listDatesZh(dates: readonly string[]): string {
  return dateRuns(dates)
    .map((run) => (typeof run === 'string' ? run : `${run[0]} 至 ${run[1]}`))
    .join('、');
}

/** E.g. "2027 年放假安排尚未公布，按法定节假日推算". */
export function describeProvisionalZh(facts: ProvisionalFacts): string {
  const notes: string[] = [];
  if (facts.assumed !== undefined) {
    notes.push(`${yearsZh(facts.assumed)}放假安排尚未公布，按法定节假日推算`);
  }
  if (facts.unknown !== undefined) {
    const why =
      facts.rulesThrough === undefined
        ? '且日历没有节假日规则'
        : `且节假日规则只推算到 ${facts.rulesThrough} 年`;
    notes.push(`${yearsZh(facts.unknown)}放假安排尚未公布，${why}，未计节假日`);
  }
  return notes.join('；');
}

/** `2027 年`, `2027、2028 年`, `2032 至 2035 年`. */
function yearsZh(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  const consecutive = last !== undefined && first !== undefined && last - first === years.length - 1;
  if (years.length > 2 && consecutive) return `${first} 至 ${last} 年`;
  return `${years.join('、')} 年`;
}
