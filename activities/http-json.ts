/** One JSON POST over the injected `fetch`, classifying failures for Temporal's retry policy. */
import { ApplicationFailure } from '@temporalio/common';

export type FetchFunction = typeof fetch;

export interface JsonPostRequest {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Failure type used when the peer rejects the request for good (a 4xx other than 408 and 429). */
  rejectedType: string;
}

/** Statuses that a later attempt may turn into a success. */
const RETRYABLE_STATUSES = new Set([408, 429]);

function isRetryableStatus(status: number): boolean {
  return status >= 500 || RETRYABLE_STATUSES.has(status);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { body: text };
  }
}

/**
 * POSTs `body` as JSON. Resolves with the parsed 2xx body; throws a retryable error on 408, 429, 5xx, network
 * errors and timeouts; throws a non-retryable ApplicationFailure of `rejectedType` on any other status.
 */
export async function postJson(fetchFn: FetchFunction, request: JsonPostRequest): Promise<unknown> {
  const response = await fetchFn(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...request.headers },
    body: JSON.stringify(request.body),
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  const payload = await readJson(response);
  if (response.ok) return payload;
  const detail = `${request.url} answered ${response.status}`;
  if (isRetryableStatus(response.status)) throw new Error(detail);
  throw ApplicationFailure.nonRetryable(detail, request.rejectedType, {
    status: response.status,
    body: payload,
  });
}
