/**
 * Two API instances over one ledger, as a deployment behind a load balancer has (docs/calendar-revisions.md,
 * docs/flow-language.md): each its own app, connection to the ledger, calendars and flows as loaded at its start,
 * over an SQLite file or a PostgreSQL database, and one case worker on the first's task queue. For the tests of
 * what one instance publishes and the other serves at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { LedgerEngine, LedgerLocation } from '../../../ledger';
import { sharedPostgres } from '../../helpers/ledger-engines';
import { withCaseWorker } from '../../helpers/temporal-test-env';
import { startHttpHarness, type HttpHarness } from './http-case-harness';

/** The two instances; read them inside tests, once `beforeAll` has run. */
export interface TwoApiInstances {
  readonly first: HttpHarness;
  readonly second: HttpHarness;
}

/**
 * Starts both instances (serving the flows of `flowsDir`) and the worker before the suite's tests and stops them
 * after. Call inside a `describe` per engine; the file's afterAll stops the shared PostgreSQL server.
 */
export function useTwoApiInstances(engine: LedgerEngine, flowsDir: string): TwoApiInstances {
  let first: HttpHarness | undefined;
  let second: HttpHarness | undefined;
  let folder: string | undefined;
  let stopWorker = (): void => undefined;
  let worker: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    let location: LedgerLocation;
    if (engine === 'sqlite') {
      folder = await mkdtemp(path.join(tmpdir(), 'api-instances-'));
      location = { file: path.join(folder, 'ledger.sqlite') };
    } else {
      const postgres = await sharedPostgres();
      if (postgres === undefined) throw new Error('PostgreSQL is not installed');
      location = { databaseUrl: await postgres.createDatabase() };
    }
    const logger = pino({ level: 'silent' });
    first = await startHttpHarness(logger, { flowsDir, ledger: location });
    second = await startHttpHarness(logger, { flowsDir, ledger: location, taskQueue: first.taskQueue });
    const stopped = new Promise<void>((resolve) => (stopWorker = resolve));
    worker = withCaseWorker(first.taskQueue, () => stopped, first.activityDependencies);
  });
  afterAll(async () => {
    stopWorker();
    await worker;
    await second?.close();
    await first?.close();
    if (folder !== undefined) await rm(folder, { recursive: true });
  });

  const started = (instance: HttpHarness | undefined) => {
    if (instance === undefined) throw new Error('the API instances have not started');
    return instance;
  };
  return {
    get first() {
      return started(first);
    },
    get second() {
      return started(second);
    },
  };
}
