/**
 * How the commands that go through the HTTP API call it: the token in FULLCYCLE_TOKEN, the API at `--api` (else
 * FULLCYCLE_API_URL, else http://127.0.0.1:3000), JSON in and out, problems turned into a message for the user;
 * and how they follow a batch (a migration, a calendar publication) until it completes.
 */
import { CommandFailedError, type CommandContext } from './command-io';

/** A problem+json body as far as the commands show it. */
export interface ProblemBody {
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

/** A body sent as it is (a flow file's text), with its media type. */
export class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/** One call to the API: its status and parsed body; an object body is sent as JSON. */
export type ApiCall = (
  method: 'GET' | 'POST',
  path: string,
  body?: object | TextBody,
) => Promise<{ readonly status: number; readonly body: unknown }>;

/** The API caller for `ctx`; `who` names the token's roles in the message when FULLCYCLE_TOKEN is missing. */
export function apiCaller(api: string | undefined, ctx: CommandContext, who: string): ApiCall {
  const token = ctx.env['FULLCYCLE_TOKEN'];
  if (token === undefined || token === '') {
    throw new CommandFailedError(`FULLCYCLE_TOKEN is not set: export ${who} token for the API`);
  }
  const base = (api ?? ctx.env['FULLCYCLE_API_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  return async (method, path, body) => {
    const sent =
      body === undefined
        ? undefined
        : body instanceof TextBody
          ? { type: body.contentType, text: body.text }
          : { type: 'application/json', text: JSON.stringify(body) };
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(sent === undefined ? {} : { 'content-type': sent.type }),
      },
      ...(sent === undefined ? {} : { body: sent.text }),
    }).catch((error: unknown) => {
      // fetch says only "fetch failed"; why (ECONNREFUSED, ENOTFOUND, a bad URL) is in its cause.
      const cause = (error as Error).cause as { message?: string; code?: string } | undefined;
      const why = cause?.message || cause?.code;
      const reason = why ? ` (${why})` : '';
      throw new CommandFailedError(`cannot reach the API at ${base}: ${(error as Error).message}${reason}`);
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as unknown };
  };
}

/** Throws the problem as a message for the user unless the status is a success. */
export function expectOk(status: number, body: unknown): void {
  if (status >= 200 && status < 300) return;
  const problem = body as ProblemBody;
  if (problem.title === undefined && problem.detail === undefined) {
    throw new CommandFailedError(
      `${status} without a problem in the answer: is --api (or FULLCYCLE_API_URL) the Fullcycle API?`,
    );
  }
  const errors = (problem.errors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join('');
  throw new CommandFailedError(`${status} ${problem.title ?? 'error'}: ${problem.detail ?? ''}${errors}`);
}

/** A batch's progress as the commands read it. */
export interface BatchProgressLike {
  readonly status: string;
  readonly done: number;
  readonly selected: number;
}

/**
 * Reads `path` every `pollMs` until the batch `progressOf` finds in its body has completed, printing each change
 * of its progress; answers the last body.
 */
export async function followBatch<T>(
  call: ApiCall,
  ctx: CommandContext,
  path: string,
  progressOf: (body: T) => BatchProgressLike,
  first: T,
  pollMs = 1_000,
): Promise<T> {
  let body = first;
  let reported = '';
  while (progressOf(body).status !== 'completed') {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const read = await call('GET', path);
    expectOk(read.status, read.body);
    body = read.body as T;
    const progress = progressOf(body);
    const line = `${progress.status}: ${progress.done} of ${progress.selected} cases`;
    if (line !== reported) ctx.io.out(line);
    reported = line;
  }
  return body;
}
