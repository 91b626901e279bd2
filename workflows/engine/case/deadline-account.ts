/**
 * How a deadline in a case's state came to be, as facts: the count that set it, then each move (suspension,
 * extension, a published calendar revision). The English explanation is written when the deadline changes and
 * kept in the state (`Deadline.explanation`); the Chinese one is worded from these facts when a view or ledger
 * snapshot shows the deadline. A deadline set before the facts were kept has none: it shows the English only.
 */
import type { CountFacts } from '../time';
import { describeLocalZh, explainDeadlineZh } from '../time';
import type { CalendarNaming } from '../time';
import type { Deadline } from './case-state';
import { levelName } from './emergency-level';

/** The published calendar revision a move happened on. */
export interface RevisionFacts {
  readonly revision: number;
  readonly publishedAt: number;
  readonly publishedBy: string;
}

/** One move of a deadline after its count, in order. */
export type DeadlineMove =
  | {
      readonly kind: 'suspended';
      readonly since: number;
      readonly until: number;
      /** Time added on the deadline's clock, ms. */
      readonly added: number;
      readonly at: number;
    }
  | { readonly kind: 'extended'; readonly until: number; readonly by: string; readonly note?: string }
  | { readonly kind: 'calendarPassed'; readonly on: RevisionFacts }
  | { readonly kind: 'calendarUnchanged'; readonly on: RevisionFacts }
  | { readonly kind: 'calendarRecomputed'; readonly on: RevisionFacts; readonly was: number }
  | {
      readonly kind: 'calendarRecounted';
      readonly on: RevisionFacts;
      /** Working time still ahead at `now`, ms. */
      readonly ahead: number;
      readonly now: number;
      readonly at: number;
    };

/** The facts behind a deadline's explanation. */
export interface DeadlineAccount {
  readonly count: CountFacts;
  /** An emergency step's clock restarted at a change to this level. */
  readonly retimedAtLevel?: number;
  /** Recomputed by a migration to this flow version. */
  readonly recomputedForVersion?: number;
  readonly moves?: readonly DeadlineMove[];
}

/** `deadline` with `move` added to its account (a deadline without an account stays without). */
export function withMove<D extends Deadline>(deadline: D, move: DeadlineMove): D {
  if (deadline.account === undefined) return deadline;
  const moves = [...(deadline.account.moves ?? []), move];
  return { ...deadline, account: { ...deadline.account, moves } };
}

const wordedZh = new WeakMap<DeadlineAccount, { calendar: CalendarNaming; text: string }>();

/**
 * The deadline's explanation in Chinese, or undefined when it has no account. Worded once per account and
 * calendar: a case's views and ledger snapshots show the same deadlines again and again.
 */
export function explanationZh(deadline: Deadline | undefined, calendar: CalendarNaming): string | undefined {
  const account = deadline?.account;
  if (account === undefined) return undefined;
  const known = wordedZh.get(account);
  if (known !== undefined && known.calendar === calendar) return known.text;
  const text = wordAccountZh(account, calendar);
  wordedZh.set(account, { calendar, text });
  return text;
}

function wordAccountZh(account: DeadlineAccount, calendar: CalendarNaming): string {
  const zone = calendar.timezone;
  const prefix = [
    account.recomputedForVersion !== undefined ? `按第 ${account.recomputedForVersion} 版流程重新计算：` : '',
    account.retimedAtLevel !== undefined
      ? `应急响应调整为${levelName(account.retimedAtLevel)}时重新计时：`
      : '',
  ].join('');
  let text = prefix + explainDeadlineZh(account.count, calendar);
  const revision = (on: RevisionFacts) =>
    `${calendar.name} 日历第 ${on.revision} 版（${on.publishedBy} 于 ${describeLocalZh(on.publishedAt, zone)} 发布）`;
  for (const move of account.moves ?? []) {
    switch (move.kind) {
      case 'suspended': {
        const working = account.count.clock === 'working';
        const added =
          move.added === 0 && working
            ? '期间无工作时间，截止时间不变'
            : `顺延 ${describeMillisZh(move.added)}${working ? '工作时间' : ''}`;
        text += `；${describeLocalZh(move.since, zone)} 至 ${describeLocalZh(move.until, zone)} 挂起，${added} → ${describeLocalZh(move.at, zone)}`;
        break;
      }
      case 'extended':
        text += `；经 ${move.by} 批准延期至 ${describeLocalZh(move.until, zone)}${move.note !== undefined ? `：${move.note}` : ''}`;
        break;
      case 'calendarPassed':
        text += `；${revision(move.on)}发布时已过期，保持不变`;
        break;
      case 'calendarUnchanged':
        text += `；按 ${revision(move.on)}不变`;
        break;
      case 'calendarRecomputed':
        text += `（按 ${revision(move.on)}重新计算；原为 ${describeLocalZh(move.was, zone)}）`;
        break;
      case 'calendarRecounted':
        text += `；按 ${revision(move.on)}：${describeLocalZh(move.now, zone)} 时尚余 ${describeMillisZh(move.ahead)}工作时间，按新日历顺延 → ${describeLocalZh(move.at, zone)}`;
        break;
    }
  }
  return text;
}

/** `2 小时 30 分钟`, for explanations. */
function describeMillisZh(millis: number): string {
  const minutes = Math.round(millis / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}
