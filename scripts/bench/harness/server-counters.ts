/**
 * Reads the Temporal dev server's request counters (report/server-requests.ts) from its Prometheus endpoint,
 * around a measured run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { countsDelta, parseServerCounts, type ServerCounts } from '../report/server-requests';

/**
 * The server reports its counters to the endpoint at an interval (about a second), so a read waits that long for
 * what was done just before it to show.
 */
const REPORTING_WAIT_MS = 2_000;

async function readServerCounts(metricsUrl: string): Promise<ServerCounts> {
  await sleep(REPORTING_WAIT_MS);
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  return parseServerCounts(await response.text());
}

/** Reads the counters now; `finish()` reads them again and resolves with what they grew by in between. */
export async function countServerRequests(
  metricsUrl: string | undefined,
): Promise<{ finish(): Promise<ServerCounts | undefined> }> {
  if (metricsUrl === undefined) return { finish: () => Promise.resolve(undefined) };
  const before = await readServerCounts(metricsUrl);
  return { finish: async () => countsDelta(before, await readServerCounts(metricsUrl)) };
}
