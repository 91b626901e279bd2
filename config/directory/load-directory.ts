import { readFile } from 'node:fs/promises';
import type { Document } from 'yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { Directory } from '../../workflows/engine/directory-model';
import { checkDirectory } from './check-directory';
import type { DirectoryProblem } from './directory-errors';
import { DirectoryInvalidError } from './directory-errors';
import { DirectorySchema, toDirectory } from './directory-schema';

/**
 * Reads and validates the directory YAML at `path` (default location `config/directory.yaml`, `DIRECTORY_PATH`).
 * Throws one `DirectoryInvalidError` listing every problem: first YAML syntax, then the format (every shape
 * problem), then, once the shape is right, every cross-reference problem. A missing file throws the fs error.
 */
export async function loadDirectory(path: string): Promise<Directory> {
  return parseDirectory(await readFile(path, 'utf8'), path);
}

/** `loadDirectory` over text already read; `file` names it in the error. */
export function parseDirectory(text: string, file: string): Directory {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new DirectoryInvalidError(
      file,
      document.errors.map((error) => ({
        path: '(yaml)',
        message: error.message.split('\n')[0] ?? error.code,
        ...(error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : {}),
      })),
    );
  }
  const locate = (path: readonly PropertyKey[], message: string): DirectoryProblem => ({
    path: formatPath(path),
    message,
    ...position(document, lineCounter, path),
  });
  const parsed = DirectorySchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    throw new DirectoryInvalidError(
      file,
      parsed.error.issues.map((issue) => locate(issue.path, issue.message)),
    );
  }
  const issues = checkDirectory(parsed.data);
  if (issues.length > 0) {
    throw new DirectoryInvalidError(
      file,
      issues.map((issue) => locate(issue.path, issue.message)),
    );
  }
  return toDirectory(parsed.data);
}

/** Line and column of the deepest node on `path` that exists in the file (a missing key points at its parent). */
function position(
  document: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): { line?: number; column?: number } {
  for (let length = path.length; length >= 0; length--) {
    const node: unknown = document.getIn(path.slice(0, length), true);
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return {};
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}
