/**
 * `fullcycle calendars publish <file>`: publishes a calendar file as the next revision of its calendar through the
 * HTTP API (docs/calendar-revisions.md), as an admin whose token is in FULLCYCLE_TOKEN, then follows the batch
 * that gives running cases its days and prints each case's outcome.
 */
import { basename } from 'node:path';
import { parse } from 'yaml';
import type { CalendarRevisionBody } from '../../../api/schemas';
import { apiCaller, expectOk, followBatch } from '../flows/api-caller';
import { CommandFailedError, EXIT, readCommandFile, type CommandContext } from '../flows/command-io';

export interface PublishCommandOptions {
  /** Base URL of the API (default FULLCYCLE_API_URL, else http://127.0.0.1:3000). */
  readonly api?: string;
  /** Pause between progress reads, in ms (default 1000). */
  readonly pollMs?: number;
}

/** Runs the command; exit 0 when every running case took the revision (or was not concerned), 1 otherwise. */
export async function publishCalendarCommand(
  file: string,
  options: PublishCommandOptions,
  ctx: CommandContext,
): Promise<number> {
  const call = apiCaller(options.api, ctx, 'an admin');
  const { path, text } = await readCommandFile(file, ctx);
  let content: unknown;
  try {
    content = parse(text);
  } catch (error) {
    throw new CommandFailedError(`${file}: not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new CommandFailedError(`${file}: not a calendar: expected a YAML mapping (name, timezone, …)`);
  }
  const name = basename(path).replace(/\.ya?ml$/, '');
  const base = `/v1/calendars/${encodeURIComponent(name)}/revisions`;
  const started = await call('POST', base, content);
  expectOk(started.status, started.body);
  const published = started.body as CalendarRevisionBody;
  ctx.io.out(
    `${name} revision ${published.revision}${started.status === 200 ? ' (already published: same content)' : ''}, published by ${published.publishedBy} at ${published.publishedAt}`,
  );
  const done = await followBatch<CalendarRevisionBody>(
    call,
    ctx,
    `${base}/${published.revision}`,
    (body) => body.publication ?? { status: 'completed', done: 0, selected: 0 },
    published,
    options.pollMs,
  );
  const publication = done.publication;
  if (publication === null) {
    ctx.io.out('its batch over running cases is no longer kept by Temporal');
    return EXIT.ok;
  }
  for (const outcome of publication.cases) {
    const what = outcome.outcome === 'revised' ? `${outcome.moved} deadlines moved` : outcome.reason;
    ctx.io.out(`  ${outcome.caseId} ${outcome.outcome}: ${what}`);
  }
  const { counts } = publication;
  ctx.io.out(
    `${counts.revised} revised, ${counts.skipped} skipped, ${counts.refused} refused, ${counts.failed} failed`,
  );
  return counts.refused + counts.failed === 0 ? EXIT.ok : EXIT.problems;
}
