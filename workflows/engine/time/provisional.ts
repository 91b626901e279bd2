import type { WorkingCalendar } from '../calendar-model';
import type { Clock } from '../flow-model';
import { inZone } from './instants';

/** Why a working-time count is provisional: the unpublished years it touches, with and without holidays assumed. */
export interface ProvisionalFacts {
  /** Unpublished years whose statutory holidays the calendar's rules supplied. */
  readonly assumed?: readonly number[];
  /** Unpublished years with no holidays known at all. */
  readonly unknown?: readonly number[];
  /** The last year the rules were expanded through; absent: the calendar has no holiday rules. */
  readonly rulesThrough?: number;
}

/**
 * The unpublished years working time counted on `calendar` between `from` and `to` (either order) touches;
 * undefined when every year it touches is published, the clock is the calendar clock, or the calendar has no
 * yearly arrangement (`publishedYears` absent).
 */
export function provisionalFacts(
  calendar: WorkingCalendar,
  from: number,
  to: number,
  clock: Clock = 'working',
): ProvisionalFacts | undefined {
  const published = calendar.publishedYears;
  if (clock !== 'working' || published === undefined) return undefined;
  const first = inZone(Math.min(from, to), calendar.timezone).year;
  const last = inZone(Math.max(from, to), calendar.timezone).year;
  const unpublished: number[] = [];
  for (let year = first; year <= last; year++) if (!published.includes(year)) unpublished.push(year);
  if (unpublished.length === 0) return undefined;
  const through = calendar.rulesExpandedThrough;
  const assumed = unpublished.filter((year) => through !== undefined && year <= through);
  const unknown = unpublished.filter((year) => through === undefined || year > through);
  return {
    ...(assumed.length > 0 ? { assumed } : {}),
    ...(unknown.length > 0 ? { unknown } : {}),
    ...(through !== undefined ? { rulesThrough: through } : {}),
  };
}

/**
 * Why working time counted on `calendar` between `from` and `to` (either order) is provisional, e.g. "2027
 * arrangement not yet published: statutory holidays assumed"; undefined when it is final (see `provisionalFacts`).
 */
export function provisionalNote(
  calendar: WorkingCalendar,
  from: number,
  to: number,
  clock: Clock = 'working',
): string | undefined {
  const facts = provisionalFacts(calendar, from, to, clock);
  return facts === undefined ? undefined : describeProvisional(facts);
}

/** The English words of `facts`. */
export function describeProvisional(facts: ProvisionalFacts): string {
  const notes: string[] = [];
  if (facts.assumed !== undefined) {
    notes.push(`${arrangements(facts.assumed)} not yet published: statutory holidays assumed`);
  }
  if (facts.unknown !== undefined) {
    const why =
      facts.rulesThrough === undefined
        ? 'the calendar has no holiday rules'
        : `rules expanded through ${facts.rulesThrough}`;
    notes.push(`${arrangements(facts.unknown)} not yet published and ${why}: no holidays assumed`);
  }
  return notes.join('; ');
}

/** `2027 arrangement`, `2027, 2028 arrangements`, `2032 to 2035 arrangements`. */
function arrangements(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (years.length === 1) return `${first} arrangement`;
  const consecutive = last !== undefined && first !== undefined && last - first === years.length - 1;
  return `${consecutive && years.length > 2 ? `${first} to ${last}` : years.join(', ')} arrangements`;
}
