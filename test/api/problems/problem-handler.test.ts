import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { createProblemHandler, notFoundHandler } from '../../../api/problems/problem-handler';
import { ConflictProblemError, UnprocessableProblemError } from '../../../api/problems/http-problem-error';
import { FormMismatchError, StepNotActiveError } from '../../../workflows/engine/case/case-errors';
import { createTestLogger } from '../support/test-logger';

const grpcError = (code: number, message: string) =>
  Object.assign(new Error(message), { code, details: message, metadata: {} });
const updateFailed = (type: string, message: string, details?: unknown[]) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, details }),
  );

/** An app whose `/throw/:kind` route throws the error under that name, with the pieces of a real app around it. */
function buildApp(errors: Record<string, () => unknown>) {
  const log = createTestLogger();
  const app = express();
  app.use((req, _res, next) => {
    (req as unknown as { id: string }).id = 'req-42';
    next();
  });
  app.post('/body', express.json({ limit: '64b' }), (req, res) => {
    res.json(z.object({ name: z.string(), items: z.array(z.object({ id: z.string() })) }).parse(req.body));
  });
  app.get('/throw/:kind', (req) => {
    throw errors[req.params.kind]?.();
  });
  app.use(notFoundHandler);
  app.use(createProblemHandler({ logger: log.logger, retryAfterSeconds: 7 }));
  return { app, lines: log.lines };
}

const { app, lines } = buildApp({
  conflict: () => new ConflictProblemError('Taken', { slug: 'case-id-taken', title: 'Case id taken' }),
  unprocessable: () =>
    new UnprocessableProblemError('Bad data', [{ path: 'data.address', message: 'required' }]),
  stepNotActive: () => new StepNotActiveError('handle', 'completed'),
  formMismatchDirect: () => new FormMismatchError([{ path: 'done', message: 'required' }]),
  engineNamedImpostor: () => Object.assign(new Error('not from the engine'), { name: 'StepNotActiveError' }),
  formMismatchTemporal: () =>
    updateFailed('FormMismatchError', 'Result does not match', [
      { errors: [{ path: 'done', message: 'must be a boolean' }] },
    ]),
  stepNotAssigned: () =>
    updateFailed('StepNotAssignedError', "Step 'handle' is assigned to another department"),
  actionNotAllowed: () => updateFailed('ActionNotAllowedError', 'return is not allowed on this step'),
  caseClosed: () => updateFailed('CaseClosedError', 'The case is closed'),
  extensionNotPending: () => updateFailed('ExtensionNotPendingError', 'No extension request is pending'),
  otherFailure: () => updateFailed('SomethingElseError', 'internal details'),
  unprocessedUpdate: () =>
    updateFailed('UnprocessedUpdate', "Workflow Update is rejected because it wasn't processed by worker."),
  updateCallEnded: () => new WorkflowUpdateRPCTimeoutOrCancelledError('Timed out waiting for update'),
  workflowNotFound: () => new WorkflowNotFoundError('workflow not found', 'case-c1', undefined),
  unavailable: () =>
    new ServiceError('Failed to query', { cause: grpcError(14, 'No connection established') }),
  connectFailed: () => new ServiceError('Failed to connect to Temporal server'),
  shedding: () =>
    new ServiceError('Failed to query workflow', {
      cause: grpcError(8, 'consistent query buffer is full, cannot accept new consistent queries'),
    }),
  taskFailing: () =>
    new ServiceError('Failed to query workflow', { cause: grpcError(9, 'Workflow Task in failed state.') }),
  otherPrecondition: () =>
    new ServiceError('Failed to signal', { cause: grpcError(9, 'namespace is not active') }),
  refused: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7233'), { code: 'ECONNREFUSED' }),
  invalidArgument: () => new ServiceError('Failed to start', { cause: grpcError(3, 'bad argument') }),
  bug: () => new TypeError("Cannot read properties of undefined (reading 'steps')"),
});

async function problem(path: string, status: number) {
  const res = await request(app).get(path).set('Authorization', 'Bearer secret-token-value').expect(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res;
}

describe('the problem handler', () => {
  it('writes an HttpProblemError as RFC 9457 problem+json with the request path as instance', async () => {
    const res = await problem('/throw/conflict?x=1', 409);
    expect(res.body).toEqual({
      type: 'https://fullcycle.dev/problems/case-id-taken',
      title: 'Case id taken',
      status: 409,
      detail: 'Taken',
      instance: '/throw/conflict',
    });
  });

  it('keeps the errors of a 422', async () => {
    const res = await problem('/throw/unprocessable', 422);
    expect(res.body.errors).toEqual([{ path: 'data.address', message: 'required' }]);
  });

  it('returns 400 with every path when zod rejects the body', async () => {
    const res = await request(app)
      .post('/body')
      .send({ items: [{ id: 1 }] })
      .expect(400);
    expect(res.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/validation',
      status: 400,
      instance: '/body',
    });
    expect(res.body.errors).toEqual([
      { path: 'name', message: expect.any(String) },
      { path: 'items.0.id', message: expect.any(String) },
    ]);
  });

  it('returns 400 for a body that is not JSON', async () => {
    const res = await request(app)
      .post('/body')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.body.type).toBe('https://fullcycle.dev/problems/invalid-json');
  });

  it('returns 413 for a body over the limit', async () => {
    const res = await request(app)
      .post('/body')
      .send({ name: 'x'.repeat(100), items: [] })
      .expect(413);
    expect(res.body.type).toBe('https://fullcycle.dev/problems/payload-too-large');
  });

  it('returns 415 for an unsupported charset or content encoding', async () => {
    await request(app)
      .post('/body')
      .set('Content-Type', 'application/json; charset=latin9')
      .send('{}')
      .expect(415);
    const res = await request(app)
      .post('/body')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{}');
    expect(res.status).toBe(415);
    expect(res.body.type).toBe('https://fullcycle.dev/problems/unsupported-media-type');
  });

  it.each([
    ['stepNotActive', 409, 'step-not-active'],
    ['stepNotAssigned', 403, 'step-not-assigned'],
    ['actionNotAllowed', 409, 'action-not-allowed'],
    ['caseClosed', 409, 'case-closed'],
    ['extensionNotPending', 409, 'extension-not-pending'],
    ['workflowNotFound', 404, 'case-not-found'],
  ])('maps %s to %i %s', async (kind, status, slug) => {
    const res = await problem(`/throw/${kind}`, status);
    expect(res.body.type).toBe(`https://fullcycle.dev/problems/${slug}`);
  });

  it('passes the engine message through as the detail', async () => {
    const res = await problem('/throw/stepNotActive', 409);
    expect(res.body.detail).toBe("Step 'handle' is not active (it is completed)");
  });

  it('maps a FormMismatchError to 422 with its errors, thrown directly or carried by Temporal', async () => {
    expect((await problem('/throw/formMismatchDirect', 422)).body.errors).toEqual([
      { path: 'done', message: 'required' },
    ]);
    const res = await problem('/throw/formMismatchTemporal', 422);
    expect(res.body).toMatchObject({ type: 'https://fullcycle.dev/problems/form-mismatch', status: 422 });
    expect(res.body.errors).toEqual([{ path: 'done', message: 'must be a boolean' }]);
  });

  it.each(['unavailable', 'connectFailed', 'refused'])(
    'returns 503 with Retry-After when Temporal is unreachable (%s)',
    async (kind) => {
      const res = await problem(`/throw/${kind}`, 503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.body.type).toBe('https://fullcycle.dev/problems/temporal-unavailable');
    },
  );

  it.each(['unprocessedUpdate', 'updateCallEnded'])(
    'returns 503 with Retry-After when the action never reached the case (%s), so that the client retries',
    async (kind) => {
      const res = await problem(`/throw/${kind}`, 503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.body.type).toBe('https://fullcycle.dev/problems/action-not-delivered');
    },
  );

  it.each(['shedding', 'taskFailing'])(
    'returns 503 with Retry-After when Temporal cannot answer for the case now (%s)',
    async (kind) => {
      const res = await problem(`/throw/${kind}`, 503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.body.type).toBe('https://fullcycle.dev/problems/temporal-busy');
    },
  );

  it.each(['invalidArgument', 'otherPrecondition', 'otherFailure', 'engineNamedImpostor', 'bug'])(
    'returns a generic 500 for %s and logs it with the request id',
    async (kind) => {
      const res = await problem(`/throw/${kind}`, 500);
      expect(res.body).toEqual({
        type: 'https://fullcycle.dev/problems/internal',
        title: 'Internal server error',
        status: 500,
        detail: 'An unexpected error occurred; it has been logged',
        instance: `/throw/${kind}`,
      });
      const logged = lines().filter((line) => line['path'] === `/throw/${kind}`);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        level: 50,
        reqId: 'req-42',
        msg: 'Request failed',
        err: expect.any(Object),
      });
    },
  );

  it('never logs the bearer token', async () => {
    await problem('/throw/bug', 500);
    expect(JSON.stringify(lines())).not.toContain('secret-token-value');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await problem('/nowhere', 404);
    expect(res.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/route-not-found',
      instance: '/nowhere',
    });
  });
});
