/**
 * `fullcycle ledger rebuild`: re-projects every running case from Temporal into the ledger (each case's whole
 * timeline and snapshot, from its `caseLedger` query), then records every case whose workflow Temporal closed
 * outside the engine (terminated, timed out, failed) and still keeps, as the worker's reconciler does
 * (worker/closures/). Idempotent: what the ledger already has stays as it is.
 * For cases started before the feed existed, and after restoring a ledger from an older backup.
 * `fullcycle ledger closures`: only the latter, now.
 * `fullcycle ledger stalled`: the open cases longest idle first, with whom each waits on and what is due (what
 * Temporal's visibility no longer carries for cases of engine revision 5 on).
 */
import { existsSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { loadConfig, type Config } from '../../config/load-config';
import { loadTemporalConnection } from '../../config/temporal-connection';
import { openLedger, stalledCases, writeLedgerBatch, type Ledger, type StalledRequest } from '../../ledger';
import { caseLedgerQuery } from '../../workflows/messages';
import { recordClosuresIn } from '../../worker/closures/closure-reconciler';
import { namesUnknownToDirectory, writeWarnings } from './directory-warnings';

const RUNNING_CASES = "WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running'";

/** Runs `fn` with a Temporal client and the ledger of `env`, closing both after. */
async function withTemporalAndLedger<T>(
  env: NodeJS.ProcessEnv,
  fn: (client: Client, ledger: Ledger, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env, 'cli');
  const temporal = loadTemporalConnection(env);
  const connection = await Connection.connect(temporal.connectionOptions).catch((error: unknown) => {
    const address = temporal.connectionOptions.address ?? 'localhost:7233';
    throw new Error(`cannot reach Temporal at ${address} (TEMPORAL_ADDRESS): ${(error as Error).message}`);
  });
  const ledger = await openLedger(config.ledger);
  try {
    return await fn(new Client({ connection, namespace: temporal.namespace }), ledger, config);
  } finally {
    await ledger.close();
    await connection.close();
  }
}

/** Records every case closed outside the engine that Temporal keeps and the ledger shows running; how many. */
async function recordClosures(
  client: Client,
  ledger: Ledger,
  report: (line: string) => void,
): Promise<number> {
  const logger = pino({ level: 'silent' });
  const { recorded } = await recordClosuresIn(
    { client, ledger, logger },
    { from: undefined, to: Date.now() },
  );
  report(`${recorded} cases closed outside the engine (terminated, timed out, failed) recorded as cancelled`);
  return recorded;
}

/**
 * Rebuilds the ledger rows of every running case, then records the cases closed outside the engine; resolves with
 * how many running cases were written.
 */
export async function rebuildLedger(env: NodeJS.ProcessEnv, report: (line: string) => void): Promise<number> {
  return withTemporalAndLedger(env, async (client, ledger, config) => {
    let written = 0;
    for await (const execution of client.workflow.list({ query: RUNNING_CASES })) {
      const batch = await client.workflow.getHandle(execution.workflowId).query(caseLedgerQuery);
      await writeLedgerBatch(ledger, batch);
      written += 1;
      if (written % 500 === 0) report(`${written} cases re-projected`);
    }
    report(
      `${written} running cases re-projected into the ${config.ledger.databaseUrl ? 'PostgreSQL' : 'SQLite'} ledger`,
    );
    await recordClosures(client, ledger, report);
    return written;
  });
}

/**
 * `fullcycle ledger closures`: records now what the worker's reconciler records every LEDGER_RECONCILE_INTERVAL_MS
 * (every case closed outside the engine that Temporal keeps); resolves with how many it recorded.
 */
export async function recordLedgerClosures(
  env: NodeJS.ProcessEnv,
  report: (line: string) => void,
): Promise<number> {
  return withTemporalAndLedger(env, (client, ledger) => recordClosures(client, ledger, report));
}

/** Filters of `fullcycle ledger stalled`, as `GET /v1/supervision/stalled` takes them. */
export type StalledFilters = Pick<StalledRequest, 'department' | 'region' | 'overdue' | 'limit'>;

/** Prints the open cases longest idle first (a header, then one tab-separated line each); resolves with how many. */
export async function listStalled(
  env: NodeJS.ProcessEnv,
  filters: StalledFilters,
  write: (line: string) => void,
): Promise<number> {
  const location = loadConfig(env, 'cli').ledger;
  // Reading must not create: a mistyped LEDGER_FILE would list an empty new ledger as if no case were stalled.
  if (location.databaseUrl === undefined && !existsSync(location.file)) {
    throw new Error(
      `no ledger at ${location.file}: set LEDGER_FILE (or DATABASE_URL) to the ledger the API writes`,
    );
  }
  const ledger = await openLedger(location);
  try {
    const { items } = await stalledCases(ledger, { ...filters, now: Date.now() });
    write(['caseId', 'flowId', 'stage', 'waitingOn', 'nextDueAt', 'overdue', 'lastProgressAt'].join('\t'));
    for (const item of items) {
      const { caseId, flowId, stage, waitingOn, nextDueAt, overdue, lastProgressAt } = item;
      write(
        [caseId, flowId, stage, waitingOn.join(',') || '-', nextDueAt ?? '-', overdue, lastProgressAt].join(
          '\t',
        ),
      );
    }
    return items.length;
  } finally {
    await ledger.close();
  }
}

/** Where the `ledger` commands read their settings and write; the process's unless a test gives its own. */
export interface LedgerCommandIo {
  readonly env?: NodeJS.ProcessEnv;
  /** One line of output, without its newline (default: stdout). */
  readonly write?: (line: string) => void;
  /** Warnings, each ending in a newline (default: stderr). */
  readonly writeErr?: (text: string) => void;
}

/** The `ledger` command group. */
export function createLedgerCommand(io: LedgerCommandIo = {}): Command {
  const env = () => io.env ?? process.env;
  const write = io.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const writeErr = io.writeErr ?? ((text: string) => void process.stderr.write(text));
  const ledger = new Command('ledger').description('the case ledger (docs/ledger.md)');
  ledger
    .command('rebuild')
    .description('re-project every running case from Temporal into the ledger (DATABASE_URL or LEDGER_FILE)')
    .action(async () => {
      await rebuildLedger(env(), write);
    });
  ledger
    .command('closures')
    .description(
      'record now the cases whose workflow Temporal closed outside the engine (the worker does it every interval)',
    )
    .action(async () => {
      await recordLedgerClosures(env(), write);
    });
  ledger
    .command('stalled')
    .description(
      'open cases longest idle first: whom each waits on, what is due, last progress (from the ledger)',
    )
    .option('--department <id>', 'only cases waiting on this department')
    .option('--region <code>', 'only cases in this region or under it')
    .option('--overdue', 'only overdue cases')
    .option('--limit <n>', 'at most this many cases', (text) => positiveInteger(text), 50)
    .action(async (options: { department?: string; region?: string; overdue?: true; limit: number }) => {
      const { department, region, overdue, limit } = options;
      // Listed anyway (the ledger may hold cases of a department since removed), but a mistyped id lists nothing.
      writeWarnings(await namesUnknownToDirectory(env(), { department, region }), writeErr);
      await listStalled(
        env(),
        {
          limit,
          ...(department === undefined ? {} : { department }),
          ...(region === undefined ? {} : { region }),
          ...(overdue === undefined ? {} : { overdue }),
        },
        write,
      );
    });
  return ledger;
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError('a whole number of at least 1');
  return value;
}
