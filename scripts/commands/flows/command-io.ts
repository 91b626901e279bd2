/** How the flows commands talk to the user: injected output streams, exit codes, and user-facing errors. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigInvalidError } from '../../../config/load-config';
import { CalendarInvalidError } from '../../../config/calendars/calendar-errors';
import { DirectoryInvalidError } from '../../../config/directory/directory-errors';
import { FlowVersionDuplicateError } from '../../../config/flow/flow-problem';
import { FlowProfileUnknownError } from '../../../workflows/engine/flow-explain';
import { InstantInvalidError } from '../../../workflows/engine/time';

/** Where a command writes; each call is one or more whole lines without the final newline. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** What the flows commands need from their process; tests pass their own. */
export interface CommandContext {
  readonly env: NodeJS.ProcessEnv;
  readonly io: CommandIo;
  /** Base for relative paths and for the paths shown. */
  readonly cwd: string;
  readonly now: () => number;
}

/** Exit codes: 0 fine, 1 a flow has problems, 2 the command could not run (input, configuration, data). */
export const EXIT = { ok: 0, problems: 1, failed: 2 } as const;

/** Thrown when a command must stop with a message for the user (no stack trace) and an exit code. */
export class CommandFailedError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CommandFailedError';
  }
}

/** The real process: stdout, stderr, the environment and the clock. */
export function processContext(): CommandContext {
  return {
    env: process.env,
    io: {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
    cwd: process.cwd(),
    now: () => Date.now(),
  };
}

const USER_ERRORS = [
  ConfigInvalidError,
  DirectoryInvalidError,
  CalendarInvalidError,
  FlowVersionDuplicateError,
  FlowProfileUnknownError,
  InstantInvalidError,
];

/** Runs `action`, turning the errors a user can fix into a message on stderr and an exit code. */
export async function runCommand(ctx: CommandContext, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CommandFailedError) {
      ctx.io.err(`error: ${error.message}`);
      return error.exitCode;
    }
    if (USER_ERRORS.some((type) => error instanceof type)) {
      ctx.io.err(`error: ${(error as Error).message}`);
      return EXIT.failed;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined) {
      ctx.io.err(`error: ${(error as Error).message}`);
      return EXIT.failed;
    }
    ctx.io.err(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  }
}

/** The file a command was given (relative to the context's cwd): its absolute path and text; exit 2 if unreadable. */
export async function readCommandFile(
  file: string,
  ctx: CommandContext,
): Promise<{ readonly path: string; readonly text: string }> {
  const path = resolve(ctx.cwd, file);
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new CommandFailedError(`cannot read ${file}: ${(error as Error).message}`);
  });
  return { path, text };
}

/**
 * What a command's actions run through: `action` in a fresh context, its exit code the process's (errors the
 * user can fix as `runCommand` reports them).
 */
export function commandRunner(
  context: () => CommandContext,
): (action: (ctx: CommandContext) => Promise<number>) => Promise<void> {
  return async (action) => {
    const ctx = context();
    process.exitCode = await runCommand(ctx, () => action(ctx));
  };
}
