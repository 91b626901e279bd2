/**
 * `fullcycle flows …`: the designer's commands: validate, diagram and explain flow files, publish one as a new
 * version and migrate running cases to another version, both through the API.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { CommandContext } from './flows/command-io';
import { commandRunner, processContext } from './flows/command-io';
import { diagramFlow } from './flows/diagram-flow';
import { migrateFlowCommand, type MigrateCommandOptions } from './flows/migrate-flow';
import { publishFlowCommand, type PublishFlowOptions } from './flows/publish-flow';
import { explainFlowCommand } from './flows/explain-flow';
import type { ExplainCommandOptions } from './flows/explain-flow';
import { validateFlows } from './flows/validate-flows';

/** The `flows` command with its subcommands; `context` is the process unless a test gives its own. */
export function createFlowsCommand(context: () => CommandContext = processContext): Command {
  const run = commandRunner(context);
  const flows = new Command('flows').description('check, draw, explain and publish service flows');
  flows
    .command('validate')
    .description('validate flow files (default: every flow in FLOWS_DIR) against the directory and calendars')
    .argument('[paths...]', 'flow files or folders')
    .addHelpText('after', '\nExit codes: 0 no problems, 1 problems found, 2 could not run.')
    .action((paths: string[]) => run((ctx) => validateFlows(paths, ctx)));
  flows
    .command('diagram')
    .description('print a flow as a Mermaid flowchart')
    .argument('<file|id>', 'a flow file, or a flow id in FLOWS_DIR (id@version for a given version)')
    .action((reference: string) => run((ctx) => diagramFlow(reference, ctx)));
  flows
    .command('explain')
    .description("show each step's SLA, clock and the deadline it would get if activated at --start")
    .argument('<file|id>', 'a flow file, or a flow id in FLOWS_DIR (id@version for a given version)')
    .option('--profile <name>', 'apply the SLA overrides of this profile')
    .option(
      '--start <time>',
      'RFC 3339 start instant with an offset, e.g. 2026-03-06T16:30:00+08:00 (default: now)',
    )
    .option('--json', 'print { steps: [{ id, sla, dueAt, explanation }], case, … } as JSON')
    .action((reference: string, options: ExplainCommandOptions) =>
      run((ctx) => explainFlowCommand(reference, options, ctx)),
    );
  flows
    .command('publish')
    .description(
      'publish a flow file as a new version through the API (FULLCYCLE_TOKEN, designer or admin): every API instance serves it, no restart',
    )
    .argument('<file>', 'the flow file, e.g. flows/urban-exposed-garbage-v2.yaml')
    .option('--api <url>', 'the API (default: FULLCYCLE_API_URL, else http://127.0.0.1:3000)')
    .addHelpText(
      'after',
      '\nExit codes: 0 published (or already, with the same content), 1 refused (problems, or the version exists with other content), 2 could not run.',
    )
    .action((file: string, options: PublishFlowOptions) =>
      run((ctx) => publishFlowCommand(file, options, ctx)),
    );
  flows
    .command('migrate')
    .description('migrate running cases to another version of their flow, through the API (FULLCYCLE_TOKEN)')
    .argument('<flowId>', 'the flow id')
    .requiredOption('--to <version>', 'the version to move to', parseVersion)
    .option(
      '--from <version>',
      'the version whose running cases move (default: the one before --to)',
      parseVersion,
    )
    .option('--region <code>', 'only cases in this region or under it')
    .option('--case <caseId>', 'only this case, from the version it is on')
    .option('--map <old=new>', 'map a step of the old version onto one of the new (repeat it)', collect, [])
    .option('--dry-run', 'plan each case, migrate none')
    .option('--api <url>', 'the API (default: FULLCYCLE_API_URL, else http://127.0.0.1:3000)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every case moved (or would), 1 some were refused or failed, 2 could not run.',
    )
    .action((flowId: string, options: MigrateCommandOptions) =>
      run((ctx) => migrateFlowCommand(flowId, options, ctx)),
    );
  return flows;
}

function parseVersion(value: string): number {
  const version = Number(value);
  if (!Number.isSafeInteger(version) || version < 1)
    throw new InvalidArgumentError('not a version (1, 2, …)');
  return version;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
