import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { CalendarInvalidError } from './calendar-errors';
import { buildWorkingCalendar } from './build-working-calendar';
import { WorkingCalendarSchema } from './calendar-schema';

/**
 * Reads every `*.yaml` in `dir` as a calendar named after its file, with holiday rules expanded for the years
 * around `today` (the current date unless given). Throws one `CalendarInvalidError` listing every problem of
 * every file (`<file>: <path>: <message>`).
 */
export async function loadCalendars(
  dir: string,
  today: Date = new Date(),
): Promise<Map<string, WorkingCalendar>> {
  return (await loadCalendarFiles(dir, today)).calendars;
}

/** A calendar file's content, parsed (YAML or JSON), as `checkCalendarSource` takes it. */
export type CalendarSource = Readonly<Record<string, unknown>>;

/**
 * `loadCalendars`, with each file's content as parsed (its keys, holiday rules not expanded): what a revision of a
 * calendar never published starts from (`GET /v1/calendars/{calendar}`).
 */
export async function loadCalendarFiles(
  dir: string,
  today: Date = new Date(),
): Promise<{ calendars: Map<string, WorkingCalendar>; sources: Map<string, CalendarSource> }> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  const calendars = new Map<string, WorkingCalendar>();
  const sources = new Map<string, CalendarSource>();
  const problems: string[] = [];
  for (const file of files) {
    const result = parseCalendar(file, await readFile(join(dir, file), 'utf8'), today);
    if ('problems' in result) problems.push(...result.problems);
    else {
      calendars.set(result.calendar.name, result.calendar);
      sources.set(result.calendar.name, result.source);
    }
  }
  if (problems.length > 0) throw new CalendarInvalidError(problems);
  return { calendars, sources };
}

type ParseResult =
  | { readonly calendar: WorkingCalendar; readonly source: CalendarSource }
  | { readonly problems: readonly string[] };

function parseCalendar(file: string, text: string, today: Date): ParseResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return { problems: document.errors.map((error) => `${file}: (yaml): ${error.message.split('\n')[0]}`) };
  }
  const expected = basename(file, '.yaml');
  const source: unknown = document.toJS();
  const checked = checkCalendarSource(source, expected, {
    what: `the file name '${expected}'`,
    today,
  });
  if ('errors' in checked) {
    return { problems: checked.errors.map(({ path, message }) => `${file}: ${path}: ${message}`) };
  }
  // A valid calendar is a map of its keys.
  return { calendar: checked.calendar, source: source as CalendarSource };
}

/** A problem of a calendar's content, at its key (`holidays[3]`, `name`, `(root)`). */
export interface CalendarSourceError {
  readonly path: string;
  readonly message: string;
}

/**
 * A calendar file's parsed content as the `WorkingCalendar` cases pin (holiday rules expanded for the years around
 * `today`), or every problem at its key: the one check for calendar files at start and for revisions published
 * through the API (docs/calendar-revisions.md). `name` must be `expected` (`what` says where that name comes from).
 */
export function checkCalendarSource(
  raw: unknown,
  expected: string,
  { what = `the calendar '${expected}'`, today = new Date() }: { what?: string; today?: Date } = {},
): { readonly calendar: WorkingCalendar } | { readonly errors: readonly CalendarSourceError[] } {
  const parsed = WorkingCalendarSchema.safeParse(raw);
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const name = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).name : undefined;
  if (typeof name === 'string' && name !== expected) {
    errors.push({ path: 'name', message: `'${name}' must match ${what}` });
  }
  if (!parsed.success || errors.length > 0) return { errors };
  return { calendar: buildWorkingCalendar(parsed.data, today) };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}
