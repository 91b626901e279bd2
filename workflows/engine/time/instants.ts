import { DateTime } from 'luxon';
import { InstantInvalidError, TimezoneInvalidError } from './time-errors';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * How many formatted instants are remembered per zone and format. A case's views and deadline explanations show
 * the same few instants (creation, activations, deadlines) again on every Query and Update answer, and luxon's
 * zone arithmetic is the costliest part of a view, so each instant is formatted once and then looked up; the
 * oldest is forgotten past the limit. The text is a pure function of (instant, zone): remembering it changes
 * nothing a case shows or does.
 */
const FORMATTED_PER_ZONE = 20_000;

/** `format`, remembering its text per zone and instant. */
function rememberedPerZone(format: (at: number, timezone: string) => string) {
  const byZone = new Map<string, Map<number, string>>();
  return (at: number, timezone: string): string => {
    let formatted = byZone.get(timezone);
    const known = formatted?.get(at);
    if (known !== undefined) return known;
    const text = format(at, timezone);
    if (formatted === undefined) {
      formatted = new Map();
      byZone.set(timezone, formatted);
    }
    if (formatted.size >= FORMATTED_PER_ZONE) formatted.delete(formatted.keys().next().value!);
    formatted.set(at, text);
    return text;
  };
}

/** The instant as RFC 3339 in the zone's local time with its offset: `2026-03-09T11:30:00+08:00`. */
export const formatInstant = rememberedPerZone(formatInZone);

function formatInZone(at: number, timezone: string): string {
  const local = inZone(at, timezone);
  const pattern = local.millisecond === 0 ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";
  return local.toFormat(pattern);
}

/** Epoch milliseconds of an RFC 3339 timestamp that carries an offset (`Z` or `±HH:MM`). */
export function parseInstant(text: string): number {
  if (!RFC3339.test(text)) {
    throw new InstantInvalidError(text, 'expected RFC 3339 with an offset, e.g. 2026-03-09T11:30:00+08:00');
  }
  const parsed = DateTime.fromISO(text.replace(' ', 'T').toUpperCase(), { setZone: true });
  if (!parsed.isValid)
    throw new InstantInvalidError(text, parsed.invalidExplanation ?? 'not a real date or time');
  return parsed.toMillis();
}

/** `Fri 2026-03-06 16:30` (seconds only when not zero), for explanations; independent of the host locale. */
export const describeLocal = rememberedPerZone(describeInZone);

function describeInZone(at: number, timezone: string): string {
  const local = inZone(at, timezone);
  const time = local.toFormat(local.second === 0 && local.millisecond === 0 ? 'HH:mm' : 'HH:mm:ss');
  return `${WEEKDAY_NAMES[local.weekday - 1] ?? ''} ${local.toFormat('yyyy-MM-dd')} ${time}`;
}

/** `2026-03-06（周五）16:30` (seconds only when not zero): `describeLocal` in Chinese. */
export const describeLocalZh = rememberedPerZone(describeInZoneZh);

const WEEKDAY_NAMES_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

function describeInZoneZh(at: number, timezone: string): string {
  const local = inZone(at, timezone);
  const time = local.toFormat(local.second === 0 && local.millisecond === 0 ? 'HH:mm' : 'HH:mm:ss');
  return `${local.toFormat('yyyy-MM-dd')}（${WEEKDAY_NAMES_ZH[local.weekday - 1] ?? ''}）${time}`;
}

/** The instant in the zone, throwing on an unknown zone. */
export function inZone(at: number, timezone: string): DateTime {
  if (!Number.isFinite(at)) throw new InstantInvalidError(String(at), 'not a finite epoch millisecond');
  const local = DateTime.fromMillis(at, { zone: timezone });
  if (!local.isValid) throw new TimezoneInvalidError(timezone);
  return local;
}
