/** One problem of a directory file: `path` like `regions[3].parent`, with its place in the file when known. */
export interface DirectoryProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** Thrown when a directory file is not valid YAML or breaks the directory format; `problems` lists every one. */
export class DirectoryInvalidError extends Error {
  override readonly name = 'DirectoryInvalidError';
  constructor(
    readonly file: string,
    readonly problems: readonly DirectoryProblem[],
  ) {
    super(
      `Invalid directory ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems
          .map((p) => `- ${p.path}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`)
          .join('\n'),
    );
  }
}
