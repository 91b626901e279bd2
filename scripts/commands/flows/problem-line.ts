/** How the CLI prints one flow problem. */
import type { FlowProblem } from '../../../config/flow/flow-problem';
import { displayPath } from './flow-files';

/** `file:line:column  path  message`, like a compiler (the path left out for syntax errors). */
export function formatProblemLine(problem: FlowProblem, cwd: string): string {
  const file = problem.file === undefined ? '' : displayPath(problem.file, cwd);
  const where = [file, problem.line, problem.column].filter((part) => part !== undefined && part !== '');
  return [where.join(':'), problem.path, problem.message].filter((part) => part !== '').join('  ');
}
