/**
 * One call to the HTTP API as an integration makes it: bearer token, JSON, an Idempotency-Key where given, and
 * retries of what the contract says may be retried (429 and 503 after `Retry-After`, other 5xx and network
 * failures after a second), each failed attempt recorded by status.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadRecorder } from './load-runner';

export interface ApiCall {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly token: string;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
}

/** Thrown when the API answers a status that retrying cannot fix, or keeps failing. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
}

const MAX_ATTEMPTS = 8;
const MAX_RETRY_AFTER_SECONDS = 60;

function retryDelayMs(status: number | undefined, retryAfter: string | null): number | undefined {
  if (status === undefined || status >= 500 || status === 429) {
    const told = Number(retryAfter);
    return Number.isFinite(told) && told > 0 ? Math.min(told, MAX_RETRY_AFTER_SECONDS) * 1000 : 1000;
  }
  return undefined;
}

/** The JSON answer of a 2xx; throws ApiCallError otherwise. */
export async function callApi(call: ApiCall, record: LoadRecorder): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${call.token}` };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
  let last = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    let status: number | undefined;
    let retryAfter: string | null = null;
    try {
      const response = await fetch(call.url, {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
      if (response.ok) return await response.json();
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      last = `${status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    record.error(status === undefined ? 'network' : String(status));
    const delay = retryDelayMs(status, retryAfter);
    if (delay === undefined) break;
    await sleep(delay);
  }
  throw new ApiCallError(`${call.method} ${call.url}: ${last}`);
}
