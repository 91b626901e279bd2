/** Reads a `.cpuprofile` file and summarises it, through the source maps of any workflow bundle it ran. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../config/project-root';
import { bundleLocations } from './bundle-locations';
import type { CpuProfile } from './cpu-profile-model';
import { summarizeProfile, type ProfileSummary, type SummarizeOptions } from './summarize-profile';

export interface ProfileFileSummary {
  readonly summary: ProfileSummary;
  /** Whether the thread ran a workflow bundle (the workflow thread of a worker). */
  readonly ranBundle: boolean;
}

/** The file in a profiles folder that says when the load ran (hrtime µs), so that startup is left out. */
export const LOAD_WINDOW_FILE = 'load-window.json';

async function loadWindow(file: string): Promise<SummarizeOptions['window']> {
  const text = await readFile(path.join(path.dirname(file), LOAD_WINDOW_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as SummarizeOptions['window']);
}

/** Summarises the profile, only the load's samples when its folder has a load window. */
export async function summarizeProfileFile(file: string): Promise<ProfileFileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const window = await loadWindow(file);
  const locations = await bundleLocations(profile);
  try {
    return {
      summary: summarizeProfile(profile, {
        root: PROJECT_ROOT,
        locate: locations.locate,
        ...(window === undefined ? {} : { window }),
      }),
      ranBundle: locations.bundled,
    };
  } finally {
    locations.close();
  }
}
