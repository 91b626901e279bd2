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
): Promise<ReadonlyMap<string, WorkingCalendar>> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  const calendars = new Map<string, WorkingCalendar>();
  const problems: string[] = [];
  for (const file of files) {
    const result = parseCalendar(file, await readFile(join(dir, file), 'utf8'), today);
    if ('problems' in result) problems.push(...result.problems);
    else calendars.set(result.calendar.name, result.calendar);
  }
  if (problems.length > 0) throw new CalendarInvalidError(problems);
  return calendars;
}

type ParseResult = { readonly calendar: WorkingCalendar } | { readonly problems: readonly string[] };

function parseCalendar(file: string, text: string, today: Date): ParseResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return { problems: document.errors.map((error) => `${file}: (yaml): ${error.message.split('\n')[0]}`) };
  }
  const raw: unknown = document.toJS();
  const parsed = WorkingCalendarSchema.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
  const expected = basename(file, '.yaml');
  const name = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).name : undefined;
  if (typeof name === 'string' && name !== expected) {
    problems.push(`${file}: name: '${name}' must match the file name '${expected}'`);
  }
  if (!parsed.success || problems.length > 0) return { problems };
  return { calendar: buildWorkingCalendar(parsed.data, today) };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}
