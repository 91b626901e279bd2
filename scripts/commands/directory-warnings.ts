/**
 * Warnings for a department or region the configured directory (DIRECTORY_PATH) does not know, for commands that
 * take one (`token --dept/--region`, `ledger stalled --department/--region`): the command runs anyway (the API's
 * directory may differ), but a mistyped id would only show as an empty list or a 404.
 */
import { loadDirectory } from '../../config/directory/load-directory';
import { loadConfig } from '../../config/load-config';

/** The ids to check; either may be absent. */
export interface DirectoryNames {
  readonly department?: string | undefined;
  readonly region?: string | undefined;
}

/** One warning per name the directory lacks (or one saying the directory could not be read), without `warning: `. */
export async function namesUnknownToDirectory(
  env: NodeJS.ProcessEnv,
  { department, region }: DirectoryNames,
): Promise<string[]> {
  if (department === undefined && region === undefined) return [];
  let directoryPath: string;
  try {
    directoryPath = loadConfig(env, 'cli').data.directoryPath;
  } catch {
    return [];
  }
  const directory = await loadDirectory(directoryPath).catch(() => undefined);
  if (directory === undefined) return [`the directory ${directoryPath} could not be read to check the names`];
  return [
    ...(department === undefined || directory.departments.some((known) => known.id === department)
      ? []
      : [`department '${department}' is not in the directory ${directoryPath}`]),
    ...(region === undefined || directory.regions.some((known) => known.code === region)
      ? []
      : [`region '${region}' is not in the directory ${directoryPath}`]),
  ];
}

/** Writes each warning as a `warning: …` line. */
export function writeWarnings(warnings: readonly string[], writeErr: (text: string) => void): void {
  for (const warning of warnings) writeErr(`warning: ${warning}\n`);
}
