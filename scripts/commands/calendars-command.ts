/** `fullcycle calendars …`: the admin's commands on working calendars (docs/calendar-revisions.md). */
import { Command } from 'commander';
import { processContext, runCommand, type CommandContext } from './flows/command-io';
import { publishCalendarCommand, type PublishCommandOptions } from './calendars/publish-calendar';

/** The `calendars` command; `context` is the process unless a test gives its own. */
export function createCalendarsCommand(context: () => CommandContext = processContext): Command {
  const calendars = new Command('calendars').description('publish working calendars to running cases');
  calendars
    .command('publish')
    .description(
      "publish a calendar file as its calendar's next revision, through the API (FULLCYCLE_TOKEN, admin): new cases use it, running cases get its days ahead",
    )
    .argument('<file>', 'the calendar file, e.g. config/calendars/cn-mainland.yaml')
    .option('--api <url>', 'the API (default: FULLCYCLE_API_URL, else http://127.0.0.1:3000)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every running case took it (or was not concerned), 1 some refused or failed, 2 could not run.',
    )
    .action(async (file: string, options: PublishCommandOptions) => {
      const ctx = context();
      process.exitCode = await runCommand(ctx, () => publishCalendarCommand(file, options, ctx));
    });
  return calendars;
}
