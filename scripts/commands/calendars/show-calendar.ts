/**
 * `fullcycle calendars show <calendar>` and `fullcycle calendars list`: what new cases now start on, read through
 * the HTTP API as an admin (FULLCYCLE_TOKEN). `show` writes the calendar's source as YAML, ready to change and
 * publish as the next revision with `fullcycle calendars publish`; `list` names every calendar and its revision.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CurrentCalendarBody } from '../../../api/schemas';
import { apiCaller, expectOk } from '../flows/api-caller';
import { CommandFailedError, EXIT, type CommandContext } from '../flows/command-io';
import { calendarYaml } from './calendar-yaml';

export interface ShowCommandOptions {
  /** Base URL of the API (default FULLCYCLE_API_URL, else http://127.0.0.1:3000). */
  readonly api?: string;
  /** Write the YAML to this file (which must not exist) instead of standard output. */
  readonly output?: string;
}

/** One line about a calendar's revision: which, by whom, when. */
function revisionLine(calendar: CurrentCalendarBody): string {
  if (calendar.revision === 0)
    return `${calendar.calendar} (${calendar.timezone}): revision 0, the file as loaded`;
  return `${calendar.calendar} (${calendar.timezone}): revision ${calendar.revision}, published by ${calendar.publishedBy} at ${calendar.publishedAt}`;
}

/** Prints every calendar the API serves, one line each. */
export async function listCalendarsCommand(
  options: ShowCommandOptions,
  ctx: CommandContext,
): Promise<number> {
  const call = apiCaller(options.api, ctx, 'an admin');
  const answer = await call('GET', '/v1/calendars');
  expectOk(answer.status, answer.body);
  for (const calendar of (answer.body as { items: CurrentCalendarBody[] }).items)
    ctx.io.out(revisionLine(calendar));
  return EXIT.ok;
}

/** Writes the calendar's current source as YAML; exit 2 when the API does not keep it (or cannot be read). */
export async function showCalendarCommand(
  name: string,
  options: ShowCommandOptions,
  ctx: CommandContext,
): Promise<number> {
  const call = apiCaller(options.api, ctx, 'an admin');
  const answer = await call('GET', `/v1/calendars/${encodeURIComponent(name)}`);
  expectOk(answer.status, answer.body);
  const calendar = answer.body as CurrentCalendarBody;
  if (calendar.source === null) {
    throw new CommandFailedError(
      `${revisionLine(calendar)}: its source was published before the API kept sources; publish the calendar file again to change it`,
    );
  }
  const file = `${calendar.calendar}.yaml`;
  const header = [
    revisionLine(calendar),
    ...(calendar.revision === 0 ? [`The comments of config/calendars/${file} are not carried here.`] : []),
    `Change what changes (a holiday added), then: fullcycle calendars publish ${file}`,
  ];
  const text = calendarYaml(calendar.source, header);
  if (options.output === undefined) {
    ctx.io.out(text.trimEnd());
    return EXIT.ok;
  }
  const path = resolve(ctx.cwd, options.output);
  await writeFile(path, text, { flag: 'wx' }).catch((error: unknown) => {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new CommandFailedError(
      exists
        ? `${options.output} exists: choose another file`
        : `cannot write ${options.output}: ${(error as Error).message}`,
    );
  });
  ctx.io.out(`wrote ${options.output}: ${revisionLine(calendar)}`);
  if (basename(path) !== file) {
    ctx.io.out(
      `note: publish takes the calendar's name from the file's name; save it as ${file} to publish it`,
    );
  }
  return EXIT.ok;
}
