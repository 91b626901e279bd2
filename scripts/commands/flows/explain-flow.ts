/** `fullcycle flows explain <file|id>`: each step's SLA and the deadline it would get from a start instant. */
import { explainFlow } from '../../../workflows/engine/flow-explain';
import { parseInstant } from '../../../workflows/engine/time';
import type { CommandContext } from './command-io';
import { CommandFailedError, EXIT } from './command-io';
import { explanationTable } from './explanation-table';
import { loadFlowEnvironment } from './flow-environment';
import { resolveFlow } from './resolve-flow';

/** Options of `flows explain`. */
export interface ExplainCommandOptions {
  readonly profile?: string;
  /** RFC 3339 with an offset; default now. */
  readonly start?: string;
  readonly json?: boolean;
}

/** Prints the explanation of the flow `reference` names, as a table or (`json`) as JSON. */
export async function explainFlowCommand(
  reference: string,
  options: ExplainCommandOptions,
  ctx: CommandContext,
): Promise<number> {
  const start = options.start === undefined ? ctx.now() : parseStart(options.start);
  const environment = await loadFlowEnvironment(ctx);
  const flow = await resolveFlow(reference, environment, ctx);
  const calendar = environment.calendars.get(flow.calendar);
  if (!calendar)
    throw new CommandFailedError(`calendar '${flow.calendar}' of flow '${flow.id}' is not configured`);
  const explanation = explainFlow(flow, calendar, {
    start,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
  });
  ctx.io.out(options.json ? JSON.stringify(explanation, null, 2) : explanationTable(flow, explanation));
  return EXIT.ok;
}

function parseStart(text: string): number {
  try {
    return parseInstant(text);
  } catch (error) {
    throw new CommandFailedError(`--start: ${(error as Error).message}`);
  }
}
