/** Flow files on disk: which files in a folder are flows, their format, and how their paths are shown. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const FORMATS: Readonly<Record<string, 'yaml' | 'json'>> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
};

/** A flow file read from disk. */
export interface FlowSourceFile {
  readonly file: string;
  readonly text: string;
  readonly format: 'yaml' | 'json';
}

/** The format of a flow file by its extension (YAML when unknown: JSON is YAML too). */
export function flowFormat(file: string): 'yaml' | 'json' {
  return FORMATS[extname(file).toLowerCase()] ?? 'yaml';
}

/** True when `name` looks like a flow file (`schema.json` is the generated JSON Schema, not a flow). */
export function isFlowFileName(name: string): boolean {
  return FORMATS[extname(name).toLowerCase()] !== undefined && name !== 'schema.json';
}

/** The flow files directly in `dir`, sorted, as absolute paths. */
export async function listFlowFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isFlowFileName(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** The files a list of paths stands for: files as given, folders as their flow files. */
export async function expandFlowPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    files.push(...(info?.isDirectory() ? await listFlowFiles(absolute) : [absolute]));
  }
  return files;
}

/** Reads a flow file. */
export async function readFlowSource(file: string): Promise<FlowSourceFile> {
  return { file, text: await readFile(file, 'utf8'), format: flowFormat(file) };
}

/** `file` relative to `cwd` when it lies below it, else absolute: what compilers print. */
export function displayPath(file: string, cwd: string): string {
  const shown = relative(cwd, file);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}
