/** `fullcycle calendars …`: the admin's commands on working calendars (docs/calendar-revisions.md). */
import { Command } from 'commander';
import { commandRunner, processContext, type CommandContext } from './flows/command-io';
import { publishCalendarCommand, type PublishCommandOptions } from './calendars/publish-calendar';
import {
  listCalendarsCommand,
  showCalendarCommand,
  type ShowCommandOptions,
} from './calendars/show-calendar';

/** The `calendars` command; `context` is the process unless a test gives its own. */
export function createCalendarsCommand(context: () => CommandContext = processContext): Command {
  const run = commandRunner(context);
  const calendars = new Command('calendars').description(
    'read working calendars and publish them to running cases',
  );
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
    .action((file: string, options: PublishCommandOptions) =>
      run((ctx) => publishCalendarCommand(file, options, ctx)),
    );
  calendars
    .command('list')
    .description(
      'every calendar the API serves, with the revision new cases start on (FULLCYCLE_TOKEN, admin)',
    )
    .option('--api <url>', 'the API (default: FULLCYCLE_API_URL, else http://127.0.0.1:3000)')
    .action((options: ShowCommandOptions) => run((ctx) => listCalendarsCommand(options, ctx)));
  calendars
    .command('show')
    .description(
      'a calendar as new cases now start on it, as YAML ready to change and publish as its next revision (FULLCYCLE_TOKEN, admin)',
    )
    .argument('<calendar>', 'the calendar, e.g. cn-mainland')
    .option('--api <url>', 'the API (default: FULLCYCLE_API_URL, else http://127.0.0.1:3000)')
    .option(
      '-o, --output <file>',
      'write it to this new file, e.g. cn-mainland.yaml (default: standard output)',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 shown, 2 could not run (unknown calendar, no source kept, file exists).',
    )
    .action((calendar: string, options: ShowCommandOptions) =>
      run((ctx) => showCalendarCommand(calendar, options, ctx)),
    );
  return calendars;
}
