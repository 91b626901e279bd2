/** The data flows are checked against: the configured directory and calendars (DIRECTORY_PATH, CALENDARS_DIR). */
import { loadCalendars } from '../../../config/calendars/load-calendars';
import { loadDirectory } from '../../../config/directory/load-directory';
import type { ValidationContext } from '../../../config/flow/validate-flow';
import { loadConfig } from '../../../config/load-config';
import type { WorkingCalendar } from '../../../workflows/engine/calendar-model';
import type { CommandContext } from './command-io';

/** Flows directory, validation context, and the calendars by name. */
export interface FlowEnvironment {
  readonly flowsDir: string;
  readonly validation: ValidationContext;
  readonly calendars: ReadonlyMap<string, WorkingCalendar>;
}

/** Reads the CLI configuration, the directory and the calendars; their errors name every problem. */
export async function loadFlowEnvironment(ctx: CommandContext): Promise<FlowEnvironment> {
  const { data } = loadConfig(ctx.env, 'cli');
  const [directory, calendars] = await Promise.all([
    loadDirectory(data.directoryPath),
    loadCalendars(data.calendarsDir, new Date(ctx.now())),
  ]);
  return {
    flowsDir: data.flowsDir,
    validation: { directory, calendars: new Set(calendars.keys()) },
    calendars,
  };
}
