/**
 * The API's connection to Temporal (Core's client, opened on first use), against the real dev server and against an
 * address where nothing listens yet: what an operator and a client of the API see must be what grpc-js gave.
 */
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  isGrpcDeadlineError,
} from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createTemporalHealthCheck } from '../../../api/operations/temporal-health-check';
import { temporalProblemOf } from '../../../api/problems/temporal-problems';
import { LazyCoreConnection } from '../../../api/temporal/core-connection';
import { installQuietRuntime, testTemporalAddress, uniqueTaskQueue } from '../../helpers/temporal-test-env';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { forwardToDevServer, freePort, type Forwarder } from '../../helpers/temporal-forwarder';

const silent = pino({ level: 'silent' });

/** The error `call` rejects with. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

describe("the API's connection to Temporal (Core's client)", () => {
  beforeAll(() => installQuietRuntime());

  it('starts while Temporal is down (503 from /readyz and for a case), then serves once Temporal is up', async () => {
    const port = await freePort();
    const connection = new LazyCoreConnection({ address: `127.0.0.1:${port}` });
    const client = new Client({ connection, namespace: 'default' });
    const app = createApp({ logger: silent, checkTemporal: createTemporalHealthCheck(connection, 10_000) });
    let forwarder: Forwarder | undefined;
    try {
      await request(app).get('/healthz').expect(200, { status: 'ok' });
      const down = await request(app).get('/readyz').expect(503);
      expect(down.headers['retry-after']).toBeDefined();
      const unreachable = await failureOf(() => client.workflow.getHandle('case-none').describe());
      expect(temporalProblemOf(unreachable, 5)).toMatchObject({ status: 503, slug: 'temporal-unavailable' });

      forwarder = await forwardToDevServer(port);
      await request(app).get('/readyz').expect(200);
      const unknown = await failureOf(() => client.workflow.getHandle(`case-${uniqueCaseId()}`).describe());
      expect(unknown).toBeInstanceOf(WorkflowNotFoundError);
      expect(temporalProblemOf(unknown, 5)).toMatchObject({ status: 404, slug: 'case-not-found' });
    } finally {
      await connection.close();
      await forwarder?.stop();
    }
  });

  it("raises the client's own error classes: a workflow id taken, a deadline passed", async () => {
    const connection = new LazyCoreConnection({ address: testTemporalAddress() });
    const client = new Client({ connection, namespace: 'default' });
    try {
      const options = { taskQueue: uniqueTaskQueue('nobody'), workflowId: `case-${uniqueCaseId()}` };
      const handle = await client.workflow.start('caseWorkflowNobodyRuns', options);
      const taken = await failureOf(() => client.workflow.start('caseWorkflowNobodyRuns', options));
      expect(taken).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      expect(temporalProblemOf(taken, 5)).toMatchObject({ status: 409, slug: 'case-already-exists' });

      const late = await failureOf(() => connection.withDeadline(Date.now() - 1, () => handle.describe()));
      expect(isGrpcDeadlineError(late)).toBe(true);
      expect(temporalProblemOf(late, 5)).toMatchObject({ status: 503, slug: 'temporal-unavailable' });
      await handle.terminate();
    } finally {
      await connection.close();
    }
  });

  it('ends a Query no worker answers as DEADLINE_EXCEEDED (a 503 to retry), not as a cancelled call', async () => {
    const connection = new LazyCoreConnection({ address: testTemporalAddress() });
    const client = new Client({ connection, namespace: 'default' });
    try {
      const options = { taskQueue: uniqueTaskQueue('nobody'), workflowId: `case-${uniqueCaseId()}` };
      const handle = await client.workflow.start('caseWorkflowNobodyRuns', options);
      // No worker polls the queue: Core's client gives the Query up at its own deadline (about 30 s).
      const unanswered = await failureOf(() => handle.query('caseView'));
      // The error itself is in the comparison, so that a failure shows what Temporal answered instead.
      expect({ deadline: isGrpcDeadlineError(unanswered), error: errorChain(unanswered) }).toEqual({
        deadline: true,
        error: expect.any(String),
      });
      expect(temporalProblemOf(unanswered, 5)).toMatchObject({ status: 503, slug: 'temporal-unavailable' });
      await handle.terminate();
    } finally {
      await connection.close();
    }
  }, 90_000);

  it('ends a call at its deadline as DEADLINE_EXCEEDED when Temporal stops answering, connected or not', async () => {
    const connectedFirst = await forwardToDevServer(await freePort());
    const neverAnswers = await forwardToDevServer(await freePort());
    neverAnswers.hold();
    const connections = [connectedFirst, neverAnswers].map(
      (forwarder) => new LazyCoreConnection({ address: `127.0.0.1:${forwarder.port}` }),
    );
    try {
      await connections[0]!.ensureConnected();
      connectedFirst.hold();
      for (const connection of connections) {
        const client = new Client({ connection, namespace: 'default' });
        const late = await failureOf(() =>
          connection.withDeadline(Date.now() + 300, () => client.workflow.getHandle('case-none').describe()),
        );
        expect(isGrpcDeadlineError(late)).toBe(true);
        expect(temporalProblemOf(late, 5)).toMatchObject({ status: 503, slug: 'temporal-unavailable' });
        await expect(createTemporalHealthCheck(connection, 300)()).rejects.toThrow();
      }
    } finally {
      for (const connection of connections) await connection.close();
      await connectedFirst.stop();
      await neverAnswers.stop();
    }
  });

  it('fails calls after it is closed, as unreachable, without connecting again', async () => {
    const connection = new LazyCoreConnection({ address: testTemporalAddress() });
    const client = new Client({ connection, namespace: 'default' });
    await connection.ensureConnected();
    await connection.close();
    const closed = await failureOf(() => client.workflow.getHandle('case-none').describe());
    expect(temporalProblemOf(closed, 5)).toMatchObject({ status: 503, slug: 'temporal-unavailable' });
  });
});

/** The error and its causes, each as `name code: message`, for a failure message. */
function errorChain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    parts.push(`${current.name} ${String((current as { code?: unknown }).code)}: ${current.message}`);
    current = current.cause;
  }
  return parts.join(' <- ');
}
