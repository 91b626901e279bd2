import type { WorkingCalendar } from '../calendar-model';
import type { Clock } from '../flow-model';
import { inZone } from './instants';

/**
 * Why working time counted on `calendar` between `from` and `to` (either order) is provisional, e.g. "2027
 * arrangement not yet published: statutory holidays assumed"; undefined when every year it touches is published,
 * the clock is the calendar clock, or the calendar has no yearly arrangement (`publishedYears` absent).
 */
export function provisionalNote(
  calendar: WorkingCalendar,
  from: number,
  to: number,
  clock: Clock = 'working',
): string | undefined {
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
  const notes: string[] = [];
  if (assumed.length > 0)
    notes.push(`${arrangements(assumed)} not yet published: statutory holidays assumed`);
  if (unknown.length > 0) {
    const why =
      through === undefined ? 'the calendar has no holiday rules' : `rules expanded through ${through}`;
    notes.push(`${arrangements(unknown)} not yet published and ${why}: no holidays assumed`);
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
