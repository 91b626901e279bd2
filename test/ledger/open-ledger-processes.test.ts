/**
 * Processes started together on a new SQLite ledger (an API and a worker, `npm run dev` beside a bench worker) all
 * open it. Changing a new file's journal mode to WAL takes SQLite's write lock without waiting on the busy handler,
 * so without waiting and trying again one of two processes failed with "database is locked" in about a third of
 * the attempts; and Kysely migrates SQLite statement by statement without a lock, so two processes both migrated
 * and one failed halfway ("table already exists").
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenLedgerOrder, OpenLedgerReport } from './support/open-ledger-process';

const PROCESSES = 3;
const ROUNDS = 30;
/** Time for an order to reach every process before the moment they open at. */
const ORDER_LEAD_MS = 150;

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null): void =>
      reject(new Error(`a ledger process exited (${code}) before answering`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message as T);
    });
  });
}

describe('openLedger from processes started together on a new SQLite file', () => {
  let folder: string;
  let processes: ChildProcess[] = [];
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'ledger-processes-'));
    processes = Array.from({ length: PROCESSES }, () =>
      fork(path.join(__dirname, 'support', 'open-ledger-process.ts'), [], { execArgv: ['--import', 'tsx'] }),
    );
    await Promise.all(processes.map((child) => nextMessage<'ready'>(child)));
  });
  afterAll(() => {
    for (const child of processes) child.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it(`opens in every process, ${ROUNDS} new files in a row`, async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const file = path.join(folder, `ledger-${round}.sqlite`);
      const at = Date.now() + ORDER_LEAD_MS;
      const reports = processes.map((child) => nextMessage<OpenLedgerReport>(child));
      processes.forEach((child, index) => {
        const order: OpenLedgerOrder = { file, use: index === 0 ? 'reads' : 'writes', at };
        child.send(order);
      });
      for (const { failure } of await Promise.all(reports)) if (failure !== undefined) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });
});
