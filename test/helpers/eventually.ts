/**
 * The one polling helper of the tests: visibility, the worker and the API are eventually consistent, so a test
 * waits for the state it expects instead of sleeping.
 */

export interface EventuallyOptions {
  /** Give up after this long (default 20 s): a limit on waiting, not an assertion on speed. */
  readonly timeoutMs?: number;
  /** Pause between probes (default 100 ms). */
  readonly intervalMs?: number;
}

/**
 * Calls `probe` until it returns a value other than `undefined` or `false`, and returns that value. Fails after
 * the timeout with `what` (a text, or a function describing the last state seen).
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  what: string | (() => string),
  options: EventuallyOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`not within ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
