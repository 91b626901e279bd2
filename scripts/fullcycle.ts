#!/usr/bin/env node
/** The `fullcycle` command line: a thin registry of commands, each built in scripts/commands/. */
import { Command } from 'commander';
import { createCalendarsCommand } from './commands/calendars-command';
import { createFlowsCommand } from './commands/flows-command';
import { createLedgerCommand } from './commands/ledger-command';
import { createOpen311KeyCommand } from './commands/open311-key-command';
import { createTokenCommand } from './commands/token-command';

const program = new Command('fullcycle')
  .description('Fullcycle: orchestration of public-service cases on Temporal')
  .addCommand(createTokenCommand())
  .addCommand(createFlowsCommand())
  .addCommand(createCalendarsCommand())
  .addCommand(createLedgerCommand())
  .addCommand(createOpen311KeyCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
