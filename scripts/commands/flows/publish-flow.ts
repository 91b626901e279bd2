/**
 * `fullcycle flows publish <file>`: publishes a flow file as a new version through the HTTP API
 * (docs/flow-language.md, "Publishing a flow version"), as a designer or an admin whose token is in
 * FULLCYCLE_TOKEN. The file is sent as it is, so a refusal names each problem at its line and column in the file,
 * printed as `flows validate` prints them.
 */
import type { FlowListItem } from '../../../api/schemas';
import type { FlowProblem } from '../../../config/flow/flow-problem';
import { apiCaller, expectOk, TextBody, type ProblemBody } from './api-caller';
import { CommandFailedError, EXIT, readCommandFile, type CommandContext } from './command-io';
import { displayPath, flowFormat } from './flow-files';
import { formatProblemLine } from './problem-line';

export interface PublishFlowOptions {
  /** Base URL of the API (default FULLCYCLE_API_URL, else http://127.0.0.1:3000). */
  readonly api?: string;
}

/** Exit 0 when published (or already published with this content), 1 when refused for the flow, 2 otherwise. */
export async function publishFlowCommand(
  file: string,
  options: PublishFlowOptions,
  ctx: CommandContext,
): Promise<number> {
  const call = apiCaller(options.api, ctx, 'a designer or admin');
  const { path, text } = await readCommandFile(file, ctx);
  const shown = displayPath(path, ctx.cwd);
  const contentType = flowFormat(path) === 'json' ? 'application/json' : 'application/yaml';
  const answer = await call('POST', '/v1/flows', new TextBody(text, contentType));
  if (answer.status === 422) {
    const problems = ((answer.body as ProblemBody).errors ?? []) as readonly FlowProblem[];
    for (const problem of problems) ctx.io.out(formatProblemLine({ ...problem, file: path }, ctx.cwd));
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    ctx.io.out(`${count} in ${shown}: not published.`);
    return EXIT.problems;
  }
  if (answer.status === 409) {
    const problem = answer.body as ProblemBody;
    throw new CommandFailedError(`${shown}: not published: ${problem.detail ?? 'conflict'}`, EXIT.problems);
  }
  expectOk(answer.status, answer.body);
  const version = answer.body as FlowListItem;
  const already = answer.status === 200 ? ' (already published: same content)' : '';
  const who =
    version.publishedBy === undefined
      ? 'as a file of the flows folder'
      : `published by ${version.publishedBy} at ${version.publishedAt ?? '?'}`;
  ctx.io.out(`${version.id} version ${version.version}${already} ${who} (calendar ${version.calendar})`);
  return EXIT.ok;
}
