/**
 * What a case worker registers besides its workflows: the activities (activities/) and the sinks the case
 * workflows call (worker/ledger-sink.ts), built over the same dependencies. Every worker that runs case
 * workflows registers both, so that no workflow references a sink the worker lacks.
 */
import { Client } from '@temporalio/client';
import { Runtime, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { LedgerBatch } from '../workflows/engine/case/ledger-snapshot';
import { createLedgerSinks, resendRequester, type LedgerSinkDependencies } from './ledger-sink';

export interface CaseWorkerTemporal {
  /** The worker's connection: the ledger sink's resend requests go through it too. */
  connection: NativeConnection;
  namespace: string;
}

/**
 * The activities and sinks of a case worker. `askLedgerResend` replaces the sink's resend request (a `ledgerResend`
 * signal through the worker's connection); tests lose requests with it.
 */
export function caseWorkerImplementations(
  deps: ActivityDependencies,
  temporal: CaseWorkerTemporal,
  askLedgerResend?: LedgerSinkDependencies['askResend'],
): Required<Pick<WorkerOptions, 'activities' | 'sinks'>> {
  const activities = createActivities(deps);
  const logger = Runtime.instance().logger;
  const askResend =
    askLedgerResend ??
    resendRequester(new Client({ connection: temporal.connection, namespace: temporal.namespace }), logger);
  const record = (batch: LedgerBatch) => activities.recordCaseFacts(batch);
  const sinks = createLedgerSinks({ record, askResend, logger, metricsRegistry: deps.metricsRegistry });
  return { activities, sinks };
}
