/** Loads what the engine serves: the directory, the working calendars and the flows validated against both. */
import type { WorkingCalendar } from '../workflows/engine/calendar-model';
import type { Directory } from '../workflows/engine/directory-model';
import { loadCalendarFiles, type CalendarSource } from './calendars/load-calendars';
import { loadDirectory } from './directory/load-directory';
import { loadFlowCatalog, type FlowCatalog, type ValidationContext } from './flow/load-flows';
import type { Config } from './load-config';

export interface ServiceData {
  directory: Directory;
  /** By name; the API replaces a calendar by its latest published revision (docs/calendar-revisions.md). */
  calendars: Map<string, WorkingCalendar>;
  /** Each calendar file's content as parsed (holiday rules not expanded): what its first revision starts from. */
  calendarSources: ReadonlyMap<string, CalendarSource>;
  flows: FlowCatalog;
  /** What flows are validated against (also for `POST /v1/flows/validate`). */
  validation: ValidationContext;
}

/** Reads DIRECTORY_PATH, CALENDARS_DIR and FLOWS_DIR; throws the first source's typed error listing its problems. */
export async function loadServiceData(data: Config['data']): Promise<ServiceData> {
  const [directory, { calendars, sources }] = await Promise.all([
    loadDirectory(data.directoryPath),
    loadCalendarFiles(data.calendarsDir),
  ]);
  const validation: ValidationContext = { directory, calendars: new Set(calendars.keys()) };
  const flows = await loadFlowCatalog(data.flowsDir, validation);
  return { directory, calendars, calendarSources: sources, flows, validation };
}
