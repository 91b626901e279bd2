import { InterceptingCall, status as grpcStatus, type Interceptor } from '@grpc/grpc-js';
import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createTemporalHealthCheck } from '../../api/operations/temporal-health-check';
import { testTemporalAddress } from '../helpers/temporal-test-env';

const silent = pino({ level: 'silent' });

/**
 * gRPC calls counted around the SDK's own retries (so one call spans all its attempts): each started call's final
 * status code, once it has one.
 */
function callCounter(): { statuses: Promise<number>[]; interceptor: Interceptor } {
  const statuses: Promise<number>[] = [];
  const interceptor: Interceptor = (options, nextCall) => {
    let ended: (code: number) => void = () => undefined;
    statuses.push(new Promise<number>((resolve) => (ended = resolve)));
    return new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) =>
        next(metadata, {
          onReceiveStatus: (status, nextStatus) => {
            ended(status.code);
            nextStatus(status);
          },
        }),
    });
  };
  return { statuses, interceptor };
}

/** `probeTimeoutMs`: the readiness probe's deadline (the API's own default unless a test is about reachability). */
function appAgainst(address: string, probeTimeoutMs?: number) {
  const calls = callCounter();
  const connection = Connection.lazy({
    address,
    connectTimeout: 500,
    interceptors: [calls.interceptor, makeGrpcRetryInterceptor(defaultGrpcRetryOptions())],
  });
  const app = createApp({
    logger: silent,
    checkTemporal: createTemporalHealthCheck(connection, probeTimeoutMs),
  });
  return { app, connection, calls };
}

describe('operations endpoints', () => {
  it('answers /healthz and /readyz with 200 while Temporal is reachable', async () => {
    // A generous deadline: this test is about a reachable Temporal answering 200, and on a loaded machine the lazy
    // connection's first call (connect included) has taken longer than the API's 1.5 s.
    const { app, connection } = appAgainst(testTemporalAddress(), 10_000);
    try {
      await request(app).get('/healthz').expect(200, { status: 'ok' });
      await request(app).get('/readyz').expect(200);
    } finally {
      await connection.close();
    }
  });

  it('answers /readyz with 503 and Retry-After when Temporal is unreachable, with no call left retrying', async () => {
    const { app, connection, calls } = appAgainst('127.0.0.1:9');
    try {
      const response = await request(app).get('/readyz').expect(503);
      expect(response.headers['retry-after']).toBeDefined();
      // The probe's deadline ends the SDK's retries with it: a retry outliving the probe would fail later,
      // after the connection is closed ('Channel has been shut down'). Every call the probe started ends (its
      // status may reach the interceptor just after the answer) with the deadline's status; a call left to the
      // SDK's retries would end, seconds later, with the last attempt's UNAVAILABLE instead.
      expect(calls.statuses.length).toBeGreaterThan(0);
      expect(await Promise.all(calls.statuses)).toEqual(
        calls.statuses.map(() => grpcStatus.DEADLINE_EXCEEDED),
      );
      await request(app).get('/healthz').expect(200);
    } finally {
      await connection.close();
    }
  });

  it('counts requests in the Prometheus histogram by route and status', async () => {
    // A generous deadline: this test is about a reachable Temporal answering 200, and on a loaded machine the lazy
    // connection's first call (connect included) has taken longer than the API's 1.5 s.
    const { app, connection } = appAgainst(testTemporalAddress(), 10_000);
    try {
      await request(app).get('/healthz').expect(200);
      const metrics = await request(app).get('/metrics').expect(200);
      expect(metrics.headers['content-type']).toMatch(/text\/plain/);
      expect(metrics.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/,
      );
      expect(metrics.text).toMatch(/process_cpu_seconds_total/);
    } finally {
      await connection.close();
    }
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    // A generous deadline: this test is about a reachable Temporal answering 200, and on a loaded machine the lazy
    // connection's first call (connect included) has taken longer than the API's 1.5 s.
    const { app, connection } = appAgainst(testTemporalAddress(), 10_000);
    try {
      const given = await request(app).get('/healthz').set('X-Request-Id', 'req-123').expect(200);
      expect(given.headers['x-request-id']).toBe('req-123');
      const made = await request(app).get('/healthz').set('X-Request-Id', 'bad id with spaces').expect(200);
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await connection.close();
    }
  });
});
