/**
 * A stand-in for the departmental systems, on 127.0.0.1 and a free port: answers `POST /operations/{operation}`
 * with a JSON result, or with the status a test scripts (503 then recovery, 400 until fixed), and records calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaseInput } from '../../workflows/engine/case-input';

export interface RecordedCall {
  readonly operation: string;
  readonly idempotencyKey: string | undefined;
  readonly body: { caseId: string; stepId: string; round: number; input: Record<string, unknown> };
}

/**
 * Decides one answer: a status, a body for 2xx, and how long the system takes to send it (none by default). Absent:
 * 200 with a generated result at once.
 */
export type Responder = (
  call: RecordedCall,
  attempt: number,
) => { status: number; body?: unknown; delayMs?: number } | undefined;

export interface DepartmentSystemsStub {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Scripts the answers of one operation; `undefined` restores the default 200. */
  respond(operation: string, responder: Responder | undefined): void;
  /** The case input with every system pointed at this stub. */
  pointAt(input: CaseInput): CaseInput;
  close(): Promise<void>;
}

/** Default results per operation, shaped like the demo systems' answers. */
function defaultResult(call: RecordedCall): Record<string, unknown> {
  return { reference: `${call.operation}-${call.body.caseId}-${call.body.stepId}-${call.body.round}` };
}

/** Starts the stub; close it after the test file. */
export async function startDepartmentSystemsStub(): Promise<DepartmentSystemsStub> {
  const calls: RecordedCall[] = [];
  const responders = new Map<string, Responder>();
  const attempts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation = decodeURIComponent((req.url ?? '').replace(/^\/operations\//, ''));
      const header = req.headers['idempotency-key'];
      const call: RecordedCall = {
        operation,
        idempotencyKey: Array.isArray(header) ? header[0] : header,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as RecordedCall['body'],
      };
      calls.push(call);
      const key = `${operation}|${call.idempotencyKey ?? ''}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const answer = responders.get(operation)?.(call, attempt) ?? { status: 200, body: defaultResult(call) };
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body ?? { error: `status ${answer.status}` }));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    respond: (operation, responder) => {
      if (responder) responders.set(operation, responder);
      else responders.delete(operation);
    },
    pointAt: (input) => ({
      ...input,
      systems: Object.fromEntries(
        Object.entries(input.systems).map(([id, system]) => [id, { ...system, url }]),
      ),
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
