import type { DurationSpec } from '../flow-model';
import { DurationInvalidError } from './time-errors';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const SECOND = 1_000;
const DAY = 86_400_000;
/** About ten years: no time limit is longer, and it bounds the walk over the calendar. */
const MAX_DAYS = 3_660;

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO = new RegExp(String.raw`^P(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`);
const SHORT = new RegExp(String.raw`^(?:${NUMBER}d)?(?:${NUMBER}h)?(?:${NUMBER}m)?(?:${NUMBER}s)?$`);

/**
 * Parses an ISO 8601 duration (`PT4H`, `P5D`, `P1DT2H30M`, `-PT30M`) or a short form (`30m`, `4h`, `5d`, `0.5d`,
 * `1d4h`, `-30m`, `0`). Days stay apart from the clock time because a working day is not 24 hours.
 */
export function parseDuration(text: string): DurationSpec {
  const trimmed = text.trim();
  if (trimmed === '') throw new DurationInvalidError(text, 'it is empty');
  const negative = trimmed.startsWith('-');
  const body = trimmed.replace(/^[-+]/, '');
  const parts = body.startsWith('P') ? parseIso(text, body) : parseShort(text, body);
  const [days = 0, hours = 0, minutes = 0, seconds = 0] = parts.map((part) =>
    part === undefined ? 0 : toNumber(part),
  );
  const millis = Math.round(hours * HOUR + minutes * MINUTE + seconds * SECOND);
  if (!(days <= MAX_DAYS && millis <= MAX_DAYS * DAY)) {
    throw new DurationInvalidError(text, `it is longer than ${MAX_DAYS} days`);
  }
  return { text: trimmed, negative: negative && (days !== 0 || millis !== 0), days, millis };
}

function parseIso(text: string, body: string): (string | undefined)[] {
  if (/^P[^T]*[YMW]/.test(body)) {
    throw new DurationInvalidError(
      text,
      'years, months and weeks are not supported (their length varies); use days, e.g. P30D',
    );
  }
  const match = ISO.exec(body);
  if (match === null || body === 'P' || body.endsWith('T')) {
    throw new DurationInvalidError(
      text,
      'expected ISO 8601 like PT4H, P5D, P1DT2H30M (days, hours, minutes, seconds, in that order)',
    );
  }
  return match.slice(1, 5);
}

function parseShort(text: string, body: string): (string | undefined)[] {
  if (/^\d+(?:[.,]\d+)?$/.test(body)) {
    if (toNumber(body) === 0) return [];
    throw new DurationInvalidError(text, 'a number needs a unit: d, h, m or s (e.g. 4h)');
  }
  if (/(?:y|mo|w)$|\d(?:y|w|mo)/i.test(body)) {
    throw new DurationInvalidError(
      text,
      'years, months and weeks are not supported (their length varies); use days, e.g. 30d',
    );
  }
  const match = SHORT.exec(body);
  if (match === null || body === '') {
    throw new DurationInvalidError(
      text,
      'expected a short form like 30m, 4h, 5d, 0.5d, 1d4h (units d, h, m, s, in that order) or ISO 8601 like PT4H',
    );
  }
  return match.slice(1, 5);
}

function toNumber(part: string): number {
  return Number(part.replace(',', '.'));
}
