/**
 * The `<file|id>` argument of `flows diagram` and `flows explain`: a path to a YAML or JSON flow file, or a flow
 * id looked up in FLOWS_DIR (the latest version, or `id@version`). The flow must be valid.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSourceDocument } from '../../../config/flow/source-document';
import { validateFlowSource } from '../../../config/flow/validate-flow';
import type { Flow } from '../../../workflows/engine/flow-model';
import type { CommandContext } from './command-io';
import { CommandFailedError, EXIT } from './command-io';
import type { FlowEnvironment } from './flow-environment';
import { displayPath, listFlowFiles, readFlowSource } from './flow-files';
import type { FlowSourceFile } from './flow-files';
import { formatProblemLine } from './problem-line';

const ID_REFERENCE = /^([a-z0-9][a-z0-9.-]*?)(?:@(\d+))?$/;

/** The valid flow `reference` names; its problems go to stderr (exit 1), a wrong reference fails with exit 2. */
export async function resolveFlow(
  reference: string,
  environment: FlowEnvironment,
  ctx: CommandContext,
): Promise<Flow> {
  const source = isPathReference(reference, ctx.cwd)
    ? await readFile(resolve(ctx.cwd, reference), reference)
    : await findById(reference, environment.flowsDir, ctx.cwd);
  const result = validateFlowSource(source.text, source.format, environment.validation, source.file);
  if (result.valid) return result.flow;
  for (const problem of result.problems) ctx.io.err(formatProblemLine(problem, ctx.cwd));
  const count = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
  throw new CommandFailedError(
    `${displayPath(source.file, ctx.cwd)} is not a valid flow (${count})`,
    EXIT.problems,
  );
}

function isPathReference(reference: string, cwd: string): boolean {
  if (/[\\/]/.test(reference) || /\.(ya?ml|json)$/i.test(reference)) return true;
  const absolute = resolve(cwd, reference);
  return existsSync(absolute) && statSync(absolute).isFile();
}

async function readFile(file: string, reference: string): Promise<FlowSourceFile> {
  try {
    return await readFlowSource(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new CommandFailedError(`cannot read flow file ${reference}: ${reason}`);
  }
}

/** The file declaring `id` (at `@version`, else its highest version) among the flow files of `dir`. */
async function findById(reference: string, dir: string, cwd: string): Promise<FlowSourceFile> {
  const match = ID_REFERENCE.exec(reference);
  if (!match) {
    throw new CommandFailedError(
      `'${reference}' is neither a flow file nor a flow id (like urban.exposed-garbage or urban.exposed-garbage@2)`,
    );
  }
  const [, id = '', versionText] = match;
  const declared = await declaredFlows(dir);
  const candidates = declared.filter((entry) => entry.id === id);
  const shownDir = displayPath(dir, cwd);
  if (candidates.length === 0) {
    const known = [...new Set(declared.map((entry) => entry.id))].sort().join(', ') || 'none';
    throw new CommandFailedError(`no flow '${id}' in ${shownDir} (flows: ${known})`);
  }
  const versions = [...new Set(candidates.map((entry) => entry.version))].sort((a, b) => a - b);
  const version = versionText === undefined ? versions.at(-1) : Number(versionText);
  const chosen = candidates.filter((entry) => entry.version === version);
  const [first, second] = chosen;
  if (first === undefined) {
    throw new CommandFailedError(
      `flow '${id}' has no version ${version} in ${shownDir} (versions: ${versions.join(', ')})`,
    );
  }
  if (second !== undefined) {
    const files = chosen.map((entry) => displayPath(entry.source.file, cwd)).join(' and ');
    throw new CommandFailedError(`flow '${id}' version ${version} is declared twice: ${files}`);
  }
  return first.source;
}

interface DeclaredFlow {
  readonly id: string;
  readonly version: number;
  readonly source: FlowSourceFile;
}

/** The id and version each file declares, read without validating the rest (a broken neighbour does not hide them). */
async function declaredFlows(dir: string): Promise<DeclaredFlow[]> {
  const files = await listFlowFiles(dir).catch((error: unknown) => {
    throw new CommandFailedError(`cannot list flows in ${dir}: ${(error as Error).message}`);
  });
  const declared: DeclaredFlow[] = [];
  for (const file of files) {
    const source = await readFlowSource(file);
    const value = readSourceDocument(source.text, source.format).value as Record<string, unknown> | undefined;
    const id = value?.['id'];
    const version = value?.['version'];
    if (typeof id === 'string' && typeof version === 'number') declared.push({ id, version, source });
  }
  return declared;
}
