/**
 * The worker's `caseLedger` sink (engine revision 6, docs/ledger.md "Fed by a worker sink"): the case workflow
 * hands it each transition's ledger batch, and the SDK awaits it before it completes the workflow task, so a write
 * that lands does so before the Update's answer goes out. It is not called on replay (`callDuringReplay: false`;
 * replay workers never call it): the batch was written when the task first ran.
 *
 * A write gets a budget (2 s, as revision 3's local attempt) and never throws into the SDK. One that fails or runs
 * out of time is not lost: the sink signals `ledgerResend` to the case with the batch's first sequence number, and
 * the workflow sends what no activity acknowledged through the regular activity (workflows/ledger-sink-feed.ts).
 * The signal is retried with backoff (1 s doubling, at most 10 s apart) for up to an hour; a case that has closed
 * meanwhile wrote everything through an activity before it closed, so "not found" ends the retries.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { InjectedSinks, Logger } from '@temporalio/worker';
import { Counter, type Registry } from 'prom-client';
import type { LedgerBatch } from '../workflows/engine/case/ledger-snapshot';
import type { LedgerSinks } from '../workflows/ledger-sink-feed';
import { ledgerResendSignal } from '../workflows/messages';

/** How long a workflow task waits for its batch's write. */
const WRITE_BUDGET_MS = 2_000;
/** How long a resend request is retried before it is given up (the case's closing write still covers it). */
const RESEND_GIVE_UP_MS = 60 * 60_000;

export interface LedgerSinkDependencies {
  /** Writes a batch idempotently (the `recordCaseFacts` activity's function: the same writer and metrics). */
  record(batch: LedgerBatch): Promise<void>;
  /** Asks the case's workflow to resend from `from` (see `resendRequester`). */
  askResend(workflowId: string, from: number): Promise<void>;
  logger: Logger;
  /** The write's budget, ms; 2 s by default. */
  budgetMs?: number;
  /** Where `fullcycle_ledger_resend_requests_total` is registered (the worker's /metrics). */
  metricsRegistry?: Registry;
}

/** The counter of sink writes handed back to their case, registered where the worker's metrics are. */
function resendRequestCounter(registry: Registry | undefined): Counter {
  return new Counter({
    name: 'fullcycle_ledger_resend_requests_total',
    help: 'Ledger writes by sink that did not land within their budget; the case is asked to resend them through the activity',
    registers: registry === undefined ? [] : [registry],
  });
}

/** The sinks the case workflows need, over the worker's ledger writer. */
export function createLedgerSinks(deps: LedgerSinkDependencies): InjectedSinks<LedgerSinks> {
  const budgetMs = deps.budgetMs ?? WRITE_BUDGET_MS;
  const resendRequests = resendRequestCounter(deps.metricsRegistry);
  return {
    caseLedger: {
      write: {
        fn: async (info, batch) => {
          const failure = await failureWithin(() => deps.record(batch), budgetMs);
          if (failure === undefined) return;
          const from = batch.events[0]?.seq ?? batch.snapshot.seq;
          resendRequests.inc();
          deps.logger.warn('Ledger write by sink failed; the case resends it', {
            workflowId: info.workflowId,
            caseId: batch.caseId,
            from,
            error: failure,
          });
          void deps.askResend(info.workflowId, from);
        },
        callDuringReplay: false,
      },
    },
  };
}

/** The sinks of a replay worker: registered (the workflow references them) and never called on replay. */
export const LEDGER_SINKS_ON_REPLAY: InjectedSinks<LedgerSinks> = {
  caseLedger: { write: { fn: () => undefined, callDuringReplay: false } },
};

/** Sends `ledgerResend` through `client`, retried with backoff until delivered, the case is gone, or an hour. */
export function resendRequester(client: Client, logger: Logger): LedgerSinkDependencies['askResend'] {
  return async (workflowId, from) => {
    const started = Date.now();
    for (let delay = 1_000; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        await client.workflow.getHandle(workflowId).signal(ledgerResendSignal, from);
        return;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return;
        if (Date.now() - started > RESEND_GIVE_UP_MS) {
          logger.error('Ledger resend request given up; the case writes it when it closes', {
            workflowId,
            from,
            error: String(error),
          });
          return;
        }
      }
      // Unreferenced: a pending retry does not keep a stopping worker process alive.
      await sleep(delay, undefined, { ref: false });
    }
  };
}

/** Runs `write`; undefined when it lands within `ms`, else why not. Never throws. */
async function failureWithin(write: () => Promise<void>, ms: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${ms} ms`), ms);
  });
  try {
    const written = Promise.resolve()
      .then(write)
      .then(
        () => undefined,
        (error: unknown) => String(error),
      );
    return await Promise.race([written, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
