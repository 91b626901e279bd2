/** Loads what the engine serves: the directory, the working calendars and the flows validated against both. */
import type { WorkingCalendar } from '../workflows/engine/calendar-model';
import type { Directory } from '../workflows/engine/directory-model';
import { loadCalendars } from './calendars/load-calendars';
import { loadDirectory } from './directory/load-directory';
import { loadFlowCatalog, type FlowCatalog, type ValidationContext } from './flow/load-flows';
import type { Config } from './load-config';

export interface ServiceData {
  directory: Directory;
  /** By name; the API replaces a calendar by its latest published revision (docs/calendar-revisions.md). */
  calendars: Map<string, WorkingCalendar>;
  flows: FlowCatalog;
  /** What flows are validated against (also for `POST /v1/flows/validate`). */
  validation: ValidationContext;
}

/** Reads DIRECTORY_PATH, CALENDARS_DIR and FLOWS_DIR; throws the first source's typed error listing its problems. */
export async function loadServiceData(data: Config['data']): Promise<ServiceData> {
  const [directory, calendars] = await Promise.all([
    loadDirectory(data.directoryPath),
    loadCalendars(data.calendarsDir),
  ]);
  const validation: ValidationContext = { directory, calendars: new Set(calendars.keys()) };
  const flows = await loadFlowCatalog(data.flowsDir, validation);
  return { directory, calendars, flows, validation };
}
