/**
 * Reads flow files (`*.yaml`, `*.yml`, `*.json` except `schema.json`) from disk into a catalog of normalized
 * flows. Any invalid file fails the whole load with every problem of that file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  FlowInvalidError,
  FlowVersionDuplicateError,
  Open311ServiceCodeDuplicateError,
} from './flow-problem';
import { validateFlowSource } from './validate-flow';
import type { ValidationContext } from './validate-flow';
import type { Flow, LocalizedText } from '../../workflows/engine/flow-model';

export { validateFlowSource } from './validate-flow';
export type { FlowValidation, ValidationContext } from './validate-flow';

/** One flow file: its normalized flow, where it came from, and its text. */
export interface FlowFile {
  readonly flow: Flow;
  /** The file's path; for a version published through the API, where in the ledger it is. */
  readonly file: string;
  readonly text: string;
  readonly format: 'yaml' | 'json';
  /** Who published it through the API and when (epoch ms); absent for a file of FLOWS_DIR. */
  readonly published?: { readonly by: string; readonly at: number };
}

/** Every version of every flow, by id: the files of FLOWS_DIR, then the versions published since. */
export interface FlowCatalog {
  list(): { id: string; version: number; title: LocalizedText }[];
  /** The given version, or the latest when `version` is left out. */
  get(id: string, version?: number): Flow | undefined;
  /** The source file of that flow (same version rule as `get`). */
  source(id: string, version?: number): FlowFile | undefined;
  /**
   * Throws what `add` would (FlowVersionDuplicateError, Open311ServiceCodeDuplicateError) without adding it.
   */
  check(file: FlowFile): void;
  /** Adds a version (a published one); throws as `check` does, and then adds nothing. */
  add(file: FlowFile): void;
  /** How many versions it holds. */
  readonly size: number;
}

const EXTENSIONS: Record<string, 'yaml' | 'json'> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

/** Reads and validates one flow file; throws FlowInvalidError with every problem. */
export async function loadFlowFile(path: string, ctx: ValidationContext): Promise<Flow> {
  return (await readFlowFile(path, ctx)).flow;
}

/** Loads every flow file in `dir`; throws FlowInvalidError or FlowVersionDuplicateError. */
export async function loadFlowCatalog(dir: string, ctx: ValidationContext): Promise<FlowCatalog> {
  const names = (await readdir(dir))
    .filter((name) => EXTENSIONS[extname(name)] && name !== 'schema.json')
    .sort();
  const files = await Promise.all(names.map((name) => readFlowFile(join(dir, name), ctx)));
  return createFlowCatalog(files);
}

/**
 * Builds a catalog over loaded files; throws FlowVersionDuplicateError on a repeated (id, version) and
 * Open311ServiceCodeDuplicateError when two flows offer the same Open311 service code.
 */
export function createFlowCatalog(files: readonly FlowFile[]): FlowCatalog {
  const byId = new Map<string, FlowFile[]>();
  const byServiceCode = new Map<string, FlowFile>();
  let size = 0;
  const check = (file: FlowFile) => {
    const code = file.flow.open311?.serviceCode;
    const other = code === undefined ? undefined : byServiceCode.get(code);
    if (code !== undefined && other !== undefined && other.flow.id !== file.flow.id) {
      throw new Open311ServiceCodeDuplicateError(
        code,
        [other.flow.id, file.flow.id],
        [other.file, file.file],
      );
    }
    const twin = byId.get(file.flow.id)?.find((other) => other.flow.version === file.flow.version);
    if (twin) throw new FlowVersionDuplicateError(file.flow.id, file.flow.version, [twin.file, file.file]);
  };
  const add = (file: FlowFile) => {
    check(file);
    const code = file.flow.open311?.serviceCode;
    if (code !== undefined) byServiceCode.set(code, file);
    const versions = [...(byId.get(file.flow.id) ?? []), file];
    versions.sort((a, b) => a.flow.version - b.flow.version);
    byId.set(file.flow.id, versions);
    size += 1;
  };
  for (const file of files) add(file);
  const source = (id: string, version?: number) => {
    const versions = byId.get(id) ?? [];
    return version === undefined ? versions.at(-1) : versions.find((file) => file.flow.version === version);
  };
  return {
    list: () =>
      [...byId.keys()]
        .sort()
        .flatMap((id) =>
          (byId.get(id) ?? []).map(({ flow }) => ({ id: flow.id, version: flow.version, title: flow.title })),
        ),
    get: (id, version) => source(id, version)?.flow,
    source,
    check,
    add,
    get size() {
      return size;
    },
  };
}

async function readFlowFile(path: string, ctx: ValidationContext): Promise<FlowFile> {
  const format = EXTENSIONS[extname(path)] ?? 'yaml';
  const text = await readFile(path, 'utf8');
  const result = validateFlowSource(text, format, ctx, path);
  if (!result.valid) throw new FlowInvalidError(result.problems, path);
  return { flow: result.flow, file: path, text, format };
}
