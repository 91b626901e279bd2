/** Serves the worker's Prometheus metrics (the ledger's lag, process defaults) at `GET /metrics`. */
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/** Listens on host:port; resolves with a function that stops it. */
export async function serveMetrics(
  registry: Registry,
  host: string,
  port: number,
): Promise<() => Promise<void>> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
