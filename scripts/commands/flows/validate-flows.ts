/** `fullcycle flows validate [paths…]`: every problem of every flow, located like a compiler's, and a summary. */
import { publishedYearsWarnings } from '../../../config/calendars/published-years';
import type { FlowProblem } from '../../../config/flow/flow-problem';
import { readSourceDocument } from '../../../config/flow/source-document';
import { validateFlowSource } from '../../../config/flow/validate-flow';
import type { ValidationContext } from '../../../config/flow/validate-flow';
import type { CommandContext } from './command-io';
import { EXIT } from './command-io';
import { loadFlowEnvironment } from './flow-environment';
import { formatProblemLine } from './problem-line';
import { displayPath, expandFlowPaths, listFlowFiles, readFlowSource } from './flow-files';
import type { FlowSourceFile } from './flow-files';

/**
 * Validates `paths` (files or folders), or every flow in FLOWS_DIR when none; exit 1 on any problem. Warns (on
 * stderr, without failing) about calendars whose published years end within 60 days.
 */
export async function validateFlows(paths: readonly string[], ctx: CommandContext): Promise<number> {
  const environment = await loadFlowEnvironment(ctx);
  for (const warning of publishedYearsWarnings(environment.calendars.values(), ctx.now())) {
    ctx.io.err(`warning: ${warning}`);
  }
  const files =
    paths.length === 0 ? await listFlowFiles(environment.flowsDir) : await expandFlowPaths(paths, ctx.cwd);
  if (files.length === 0) {
    const where = paths.length === 0 ? displayPath(environment.flowsDir, ctx.cwd) : paths.join(' ');
    ctx.io.out(`No flow files in ${where}.`);
    return EXIT.ok;
  }
  const problems: FlowProblem[] = [];
  const declared = new Map<string, string>();
  for (const file of files) {
    let source: FlowSourceFile;
    try {
      source = await readFlowSource(file);
    } catch (error) {
      problems.push({ file, path: '', message: `cannot read: ${readReason(error)}` });
      continue;
    }
    problems.push(...checkFile(source, environment.validation, declared, ctx.cwd));
  }
  for (const problem of problems) ctx.io.out(formatProblemLine(problem, ctx.cwd));
  ctx.io.out(summary(problems, files.length));
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}

/** The file's problems, plus one when its (id, version) was already declared by an earlier file. */
function checkFile(
  source: FlowSourceFile,
  validation: ValidationContext,
  declared: Map<string, string>,
  cwd: string,
): FlowProblem[] {
  const result = validateFlowSource(source.text, source.format, validation, source.file);
  if (!result.valid) return result.problems;
  const key = `${result.flow.id}@${result.flow.version}`;
  const first = declared.get(key);
  if (first === undefined) {
    declared.set(key, displayPath(source.file, cwd));
    return [];
  }
  const position = readSourceDocument(source.text, source.format).locate(['version']);
  return [
    {
      file: source.file,
      path: 'version',
      ...(position ? { line: position.line, column: position.column } : {}),
      message: `flow '${result.flow.id}' version ${result.flow.version} is already declared in ${first}`,
    },
  ];
}

function summary(problems: readonly FlowProblem[], fileCount: number): string {
  const files = `${fileCount} flow file${fileCount === 1 ? '' : 's'}`;
  if (problems.length === 0) return `${files} checked: no problems.`;
  const failing = new Set(problems.map((problem) => problem.file)).size;
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `${count} in ${failing} of ${files}.`;
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return String(error);
}
