/**
 * Stops an HTTP server as a container orchestrator or systemd expects on SIGTERM: it takes no new connection,
 * answers the requests in flight, then closes. Node's `server.close()` closes only the keep-alive connections idle
 * at the call, and serves the next request of any other for as long as its client keeps it open: a department's
 * system or a proxy sending on a kept-alive connection held the server open. Here each connection is closed as soon
 * as it is idle, and every one, in flight or not, once `graceMs` has passed.
 */
import type { Server } from 'node:http';

/** How often connections that became idle (their request answered) are closed while the server stops. */
const IDLE_SWEEP_MS = 100;

/** Resolves once the server has closed its last connection. */
export async function stopHttpServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cutOff);
  }
}
