/**
 * The worker's ledger sink without a server: a write that lands asks nothing; one that fails, throws at once or
 * never answers within its budget asks the case to resend from the batch's first event (logged and counted on the
 * worker's /metrics); the sink itself never throws into the SDK.
 */
import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import { Registry } from 'prom-client';
import { ledgerBatch, type LedgerBatch } from '../../workflows/engine/case/ledger-snapshot';
import type { LedgerSinks } from '../../workflows/ledger-sink-feed';
import { createLedgerSinks } from '../../worker/ledger-sink';
import { expectWarning, quietTestLogger } from '../helpers/quiet-runtime';
import { at } from '../workflows/engine/case/fixtures/calendars';
import { CaseDriver, caseInput } from '../workflows/engine/case/fixtures/case-driver';
import { flow, sla, task } from '../workflows/engine/case/fixtures/flow-builder';

const info = { workflowId: 'case-SINK-1' } as WorkflowInfo;
const quiet = quietTestLogger();
expectWarning('Ledger write by sink failed; the case resends it');

/** A batch of a running case from its third event on. */
function batchFromThirdEvent(): LedgerBatch {
  const c = new CaseDriver(caseInput(flow([task('handle', { sla: sla('4h') })])), at('2026-03-02T00:00:00Z'));
  c.complete('handle');
  return ledgerBatch(c.state, 2);
}

/** The sink over `record`, the resend requests it made, and the worker's metrics as /metrics serves them. */
function sinkOver(record: (batch: LedgerBatch) => Promise<void>) {
  const asked: [string, number][] = [];
  const metricsRegistry = new Registry();
  const sinks: InjectedSinks<LedgerSinks> = createLedgerSinks({
    record,
    askResend: (workflowId, from) => {
      asked.push([workflowId, from]);
      return Promise.resolve();
    },
    logger: quiet,
    budgetMs: 50,
    metricsRegistry,
  });
  return {
    write: (batch: LedgerBatch) => sinks.caseLedger.write.fn(info, batch),
    asked,
    metrics: () => metricsRegistry.metrics(),
  };
}

describe('the ledger sink', () => {
  const batch = batchFromThirdEvent();

  it('is not called on replay (the batch was written when the task first ran)', () => {
    const sinks = createLedgerSinks({
      record: () => Promise.resolve(),
      askResend: () => Promise.resolve(),
      logger: quiet,
    });
    expect(sinks.caseLedger.write.callDuringReplay).toBe(false);
  });

  it('writes the batch and asks for nothing when the write lands', async () => {
    const written: LedgerBatch[] = [];
    const sink = sinkOver((b) => {
      written.push(b);
      return Promise.resolve();
    });
    await sink.write(batch);
    expect(written).toEqual([batch]);
    expect(sink.asked).toEqual([]);
    expect(await sink.metrics()).toContain('fullcycle_ledger_resend_requests_total 0');
  });

  it.each([
    ['refuses it', () => Promise.reject(new Error('connect ECONNREFUSED'))],
    [
      'throws before it starts',
      () => {
        throw new Error('pool closed');
      },
    ],
    ['never answers within the budget', () => new Promise<void>(() => undefined)],
  ])('asks the case to resend from the batch’s first event when the database %s', async (_, record) => {
    const sink = sinkOver(record);
    await expect(sink.write(batch)).resolves.toBeUndefined();
    expect(batch.events[0]?.seq).toBe(2);
    expect(sink.asked).toEqual([['case-SINK-1', 2]]);
    expect(await sink.metrics()).toContain('fullcycle_ledger_resend_requests_total 1');
  });
});
