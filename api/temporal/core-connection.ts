/**
 * The API's connection to Temporal: Core's Rust client (the `NativeConnection` the worker uses) instead of grpc-js,
 * because each call costs the API's process about 0.2 ms less CPU, about 11 % of a department task's cost in the
 * API (docs/benchmarks.md, "The API over Core's connection, session 7"). `NativeConnection` only connects eagerly; this one connects on its first call and again
 * after a failed attempt, as `Connection.lazy` did, so the API starts (and answers /readyz with 503) while Temporal
 * is down and serves as soon as it is up. A call made while Temporal cannot be reached fails with gRPC UNAVAILABLE
 * (DEADLINE_EXCEEDED when its deadline ends first), as grpc-js's calls did, so errors map to the same problems.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Metadata as GrpcMetadata, status } from '@grpc/grpc-js';
import {
  OperatorService,
  WorkflowService,
  type CallContext,
  type ConnectionLike,
  type Metadata,
} from '@temporalio/client';
import type { Logger } from '@temporalio/common';
import { NativeConnection, Runtime, type NativeConnectionOptions } from '@temporalio/worker';

/** The protobufjs call a generated service makes for each method. */
type RpcImpl = Parameters<typeof WorkflowService.create>[0];
type RpcCallback = Parameters<RpcImpl>[2];

/**
 * Thrown when a call could not reach Temporal: shaped as grpc-js's and Core's status errors (`code`, `details`,
 * `metadata`), so the client turns it into the same errors.
 */
export class TemporalConnectionError extends Error {
  readonly details: string;
  readonly metadata = new GrpcMetadata();

  constructor(
    readonly code: status.UNAVAILABLE | status.DEADLINE_EXCEEDED,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'TemporalConnectionError';
    this.details = message;
  }
}

/** Routes Core's own logs into `logger` for a process that has no worker (`npm run api`); signals stay the process's. */
export function installCoreRuntime(logger: Logger): void {
  Runtime.install({ logger, shutdownSignals: [] });
}

/** A Core (`NativeConnection`) connection to Temporal opened on its first call; a `ConnectionLike` for `Client`. */
export class LazyCoreConnection implements ConnectionLike {
  readonly plugins = [];
  readonly callContextStorage = new AsyncLocalStorage<CallContext>();
  readonly workflowService: WorkflowService;
  readonly operatorService: OperatorService;
  private connecting: Promise<NativeConnection> | undefined;
  /** Set once connected. */
  private connection: NativeConnection | undefined;
  private closed = false;

  constructor(private readonly options: NativeConnectionOptions) {
    this.workflowService = WorkflowService.create(this.callThrough('workflowService'), false, false);
    this.operatorService = OperatorService.create(this.callThrough('operatorService'), false, false);
  }

  /** Connects now (or waits for the attempt under way); rejects with UNAVAILABLE when Temporal cannot be reached. */
  async ensureConnected(): Promise<void> {
    await this.connected();
  }

  async withDeadline<R>(deadline: number | Date, fn: () => Promise<R>): Promise<R> {
    return await this.callContextStorage.run({ ...this.callContextStorage.getStore(), deadline }, fn);
  }

  async withMetadata<R>(metadata: Metadata, fn: () => Promise<R>): Promise<R> {
    const context = this.callContextStorage.getStore();
    return await this.callContextStorage.run(
      { ...context, metadata: { ...context?.metadata, ...metadata } },
      fn,
    );
  }

  /** Kept for the interface: Core's client (SDK 1.24) does not cancel a call on an abort signal. */
  async withAbortSignal<R>(abortSignal: AbortSignal, fn: () => Promise<R>): Promise<R> {
    return await this.callContextStorage.run({ ...this.callContextStorage.getStore(), abortSignal }, fn);
  }

  /**
   * Closes Core's client; later calls fail with UNAVAILABLE. An attempt to connect still under way (to a Temporal
   * that accepts but does not answer, Core gives up after about 30 s) is not waited for: closed when it succeeds.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.connection !== undefined) await this.connection.close();
    else void this.connecting?.then((late) => late.close()).catch(() => undefined);
  }

  /** Hands each call, with its deadline and metadata, to Core's client once connected. */
  private callThrough(service: 'workflowService' | 'operatorService'): RpcImpl {
    return (method, requestData, callback) => {
      const context = this.callContextStorage.getStore() ?? {};
      // Core's client ends a call whose deadline passed with CANCELLED "Timeout expired", ours or its own (a Query
      // no worker answers ends so after about 30 s); grpc-js (and the server) say DEADLINE_EXCEEDED, which the
      // client and our problems read as "Temporal did not answer in time".
      const answer: RpcCallback = (error, response) =>
        callback(error && isCoreTimeout(error) ? deadlineExceeded(error) : error, response);
      this.connected(context.deadline).then(
        (connection) => {
          if (this.closed) return callback(closedError());
          connection.callContextStorage.run(context, () => {
            connection[service].rpcImpl!(method, requestData, answer);
          });
        },
        (error: unknown) => callback(error as Error),
      );
    };
  }

  private async connected(deadline?: number | Date): Promise<NativeConnection> {
    if (this.closed) throw closedError();
    this.connecting ??= NativeConnection.connect(this.options).then(
      (connection) => (this.connection = connection),
      (error: unknown) => {
        this.connecting = undefined;
        throw new TemporalConnectionError(status.UNAVAILABLE, 'Temporal is not reachable', { cause: error });
      },
    );
    if (deadline === undefined) return await this.connecting;
    return await withinDeadline(this.connecting, deadline);
  }
}

function closedError(): TemporalConnectionError {
  return new TemporalConnectionError(status.UNAVAILABLE, 'The connection to Temporal is closed');
}

/** Core's own end of a call at its deadline (SDK 1.24: CANCELLED, "Timeout expired"). */
function isCoreTimeout(error: Error): boolean {
  return (error as { code?: unknown }).code === status.CANCELLED && error.message === 'Timeout expired';
}

function deadlineExceeded(cause?: Error): TemporalConnectionError {
  return new TemporalConnectionError(status.DEADLINE_EXCEEDED, 'Temporal did not answer in time', { cause });
}

/** `attempt`, or DEADLINE_EXCEEDED when `deadline` comes first (the attempt itself goes on). */
async function withinDeadline<T>(attempt: Promise<T>, deadline: number | Date): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(deadlineExceeded()),
      Math.max(0, new Date(deadline).getTime() - Date.now()),
    );
  });
  try {
    return await Promise.race([attempt, expired]);
  } finally {
    clearTimeout(timer);
  }
}
