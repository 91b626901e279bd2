/** Problems found in a flow document, and the errors that carry them. */

/** One problem, located in the source: `path` like `steps[2].after[0]`, line and column 1-based. */
export interface FlowProblem {
  file?: string;
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** A path into the document as keys and indexes. */
export type DocumentPath = readonly (string | number)[];

/** A problem before it is located: the document path, and an offset into the string there (CEL positions). */
export interface PathProblem {
  readonly path: DocumentPath;
  readonly message: string;
  readonly offset?: number;
  /** Locate the key of the last path part rather than its value (unknown keys). */
  readonly atKey?: boolean;
}

/** Thrown when a flow file is not a valid flow; carries every problem. */
export class FlowInvalidError extends Error {
  override readonly name = 'FlowInvalidError';
  constructor(
    readonly problems: readonly FlowProblem[],
    file?: string,
  ) {
    super(
      `${file ?? 'flow'} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
  }
}

/** Thrown when two flow files declare the same (id, version). */
export class FlowVersionDuplicateError extends Error {
  override readonly name = 'FlowVersionDuplicateError';
  constructor(id: string, version: number, files: readonly string[]) {
    super(`flow '${id}' version ${version} is declared twice: ${files.join(' and ')}`);
  }
}

/** Thrown when two different flows offer the same Open311 service_code. */
export class Open311ServiceCodeDuplicateError extends Error {
  override readonly name = 'Open311ServiceCodeDuplicateError';
  constructor(
    readonly serviceCode: string,
    /** The flow that offered it first, then the other one. */
    readonly flowIds: readonly string[],
    files: readonly string[],
  ) {
    super(
      `open311 serviceCode '${serviceCode}' is offered by two flows, ${flowIds.join(' and ')}: ${files.join(' and ')}`,
    );
  }
}

/** `file:line:column path: message`, the form the CLI prints. */
export function formatProblem(problem: FlowProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const path = problem.path === '' ? '' : `${problem.path}: `;
  return `${where === '' ? '' : `${where} `}${path}${problem.message}`;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['steps', 2, 'after', 0]` to `steps[2].after[0]`; odd keys quoted: `data["a b"]`. */
export function formatPath(path: DocumentPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (PLAIN_KEY.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}
