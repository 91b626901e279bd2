import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import {
  createDepartmentActivities,
  DEPARTMENT_SYSTEM_REJECTED,
} from '../../activities/department-activities';
import { expectActivityFailures, quietTestLogger } from '../helpers/quiet-runtime';

// Each test makes the peer fail the call on purpose and asserts the error.
expectActivityFailures('callDepartmentSystem');

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A real HTTP peer on loopback that answers with the queued statuses. */
async function startPeer(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(raw) });
      const status = statuses.shift() ?? 200;
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ workOrderId: 'WO-1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const call = (url: string) => ({
  system: { id: 'district-dispatch', url, tokenEnv: 'DISPATCH_TOKEN' },
  operation: 'createWorkOrder',
  caseId: 'C-1',
  stepId: 'dispatch',
  round: 2,
  input: { address: '北京路 1 号' },
  idempotencyKey: 'C-1/dispatch/2',
});

describe('callDepartmentSystem', () => {
  const activities = createDepartmentActivities({ fetch, env: { DISPATCH_TOKEN: 'tok-123' } });
  const run = <T>(fn: () => Promise<T>) =>
    new MockActivityEnvironment({ activityType: 'callDepartmentSystem' }, { logger: quietTestLogger() }).run(
      fn,
    );

  it('posts the contract body with the idempotency key and bearer token and returns the JSON result', async () => {
    const peer = await startPeer([200]);
    try {
      const result = await run(() => activities.callDepartmentSystem(call(peer.url)));
      expect(result).toEqual({ workOrderId: 'WO-1' });
      expect(peer.received[0]).toMatchObject({
        url: '/operations/createWorkOrder',
        headers: { 'idempotency-key': 'C-1/dispatch/2', authorization: 'Bearer tok-123' },
        body: { caseId: 'C-1', stepId: 'dispatch', round: 2, input: { address: '北京路 1 号' } },
      });
    } finally {
      await peer.close();
    }
  });

  it.each([408, 429, 500, 503])('throws a retryable error on %i', async (status) => {
    const peer = await startPeer([status]);
    try {
      const error = await run(() => activities.callDepartmentSystem(call(peer.url))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ApplicationFailure);
    } finally {
      await peer.close();
    }
  });

  it('throws a non-retryable failure of type DepartmentSystemRejectedError on other 4xx', async () => {
    const peer = await startPeer([400]);
    try {
      const error = await run(() => activities.callDepartmentSystem(call(peer.url))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).type).toBe(DEPARTMENT_SYSTEM_REJECTED);
      expect((error as ApplicationFailure).nonRetryable).toBe(true);
    } finally {
      await peer.close();
    }
  });

  it('throws a retryable error when nothing listens', async () => {
    const error = await run(() => activities.callDepartmentSystem(call('http://127.0.0.1:9'))).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('fetch failed');
    expect(error).not.toBeInstanceOf(ApplicationFailure);
  });
});
