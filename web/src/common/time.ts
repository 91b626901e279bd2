/**
 * Times as the case's calendar has them. The API writes every instant in RFC 3339 with the offset of the case's
 * calendar (`2026-03-02T09:30:00+08:00`); the app shows that wall-clock time as written, never converted into the
 * browser's zone, so a clerk abroad or on a phone set to another zone sees the deadline the rules speak of.
 */
import { DateTime } from 'luxon';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-03-02 09:30` from `2026-03-02T09:30:00+08:00`; the text unchanged when it is not an instant. */
export function formatInstant(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const match = INSTANT.exec(text);
  return match === null ? text : `${match[1]} ${match[2]}`;
}

/** The offset an instant was written with (`+08:00`; `Z` as `+00:00`). */
export function offsetOf(text: string): string | undefined {
  const offset = INSTANT.exec(text)?.[3];
  return offset === 'Z' ? '+00:00' : offset;
}

/** An instant in RFC 3339 from a wall-clock date and time (`2026-03-09`, `17:30`) at a given offset. */
export function instantAt(date: string, time: string, offset: string): string {
  return `${date}T${time}:00${offset}`;
}

/** Now, written as a wall-clock time at `offset` (for pickers that default to now in the case's zone). */
export function nowAt(offset: string): { date: string; time: string } {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  const shifted = new Date(Date.now() + sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The instant a local day starts in an IANA zone (`2026-03-01`, `Asia/Shanghai` → `2026-03-01T00:00:00+08:00`);
 * `days` later with `days` (the start of the day after a range, for an exclusive `…To`). Luxon knows each zone's
 * offsets, summer time included.
 */
export function dayStartIn(date: string, zone: string, days = 0): string {
  const start = DateTime.fromISO(date, { zone }).startOf('day').plus({ days });
  return start.toISO({ suppressMilliseconds: true }) ?? '';
}
