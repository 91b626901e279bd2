/**
 * `fullcycle ledger rebuild`: re-projects every running case from Temporal into the ledger (each case's whole
 * timeline and snapshot, from its `caseLedger` query). Idempotent: what the ledger already has stays as it is.
 * For cases started before the feed existed, and after restoring a ledger from an older backup.
 */
import { Client, Connection } from '@temporalio/client';
import { Command } from 'commander';
import { loadConfig } from '../../config/load-config';
import { loadTemporalConnection } from '../../config/temporal-connection';
import { openLedger, writeLedgerBatch } from '../../ledger';
import { caseLedgerQuery } from '../../workflows/messages';

const RUNNING_CASES = "WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running'";

/** Rebuilds the ledger rows of every running case; resolves with how many were written. */
export async function rebuildLedger(env: NodeJS.ProcessEnv, report: (line: string) => void): Promise<number> {
  const config = loadConfig(env, 'cli');
  const temporal = loadTemporalConnection(env);
  const connection = await Connection.connect(temporal.connectionOptions);
  const ledger = await openLedger(config.ledger);
  let written = 0;
  try {
    const client = new Client({ connection, namespace: temporal.namespace });
    for await (const execution of client.workflow.list({ query: RUNNING_CASES })) {
      const batch = await client.workflow.getHandle(execution.workflowId).query(caseLedgerQuery);
      await writeLedgerBatch(ledger, batch);
      written += 1;
      if (written % 500 === 0) report(`${written} cases re-projected`);
    }
  } finally {
    await ledger.close();
    await connection.close();
  }
  report(
    `${written} running cases re-projected into the ${config.ledger.databaseUrl ? 'PostgreSQL' : 'SQLite'} ledger`,
  );
  return written;
}

/** The `ledger` command group. */
export function createLedgerCommand(): Command {
  const ledger = new Command('ledger').description('the case ledger (docs/ledger.md)');
  ledger
    .command('rebuild')
    .description('re-project every running case from Temporal into the ledger (DATABASE_URL or LEDGER_FILE)')
    .action(async () => {
      await rebuildLedger(process.env, (line) => void process.stdout.write(`${line}\n`));
    });
  return ledger;
}
