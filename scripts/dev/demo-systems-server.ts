/**
 * A stand-in for the departments' own systems during `npm run dev`: answers the contract's
 * `POST /operations/{operation}` with a plausible result, remembering answers by Idempotency-Key. Never used by
 * the engine's tests, which run their own peers.
 */
import http from 'node:http';

const remembered = new Map<string, string>();

function answerFor(operation: string, body: { caseId?: string; stepId?: string }): Record<string, unknown> {
  const reference = `${operation}-${body.caseId ?? 'case'}-${Date.now().toString(36)}`;
  switch (operation) {
    case 'createWorkOrder':
      return { workOrderId: reference, accepted: true };
    case 'publishLicence':
      return { published: true, reference };
    case 'submitReport':
      return { reportId: reference, received: true };
    default:
      return { accepted: true, reference };
  }
}

/** Starts the demo systems server on 127.0.0.1:`port`; resolves with a function that stops it. */
export async function startDemoSystemsServer(port: number): Promise<() => Promise<void>> {
  const server = http.createServer((req, res) => {
    const match = /^\/operations\/([\w.-]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match?.[1]) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const operation = match[1];
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      let reply = key ? remembered.get(key) : undefined;
      if (!reply) {
        reply = JSON.stringify(answerFor(operation, JSON.parse(raw || '{}') as { caseId?: string }));
        if (key) remembered.set(key, reply);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(reply);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return () => new Promise((resolve) => server.close(() => resolve()));
}
