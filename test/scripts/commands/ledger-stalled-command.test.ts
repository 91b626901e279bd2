import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLedger, writeLedgerBatch } from '../../../ledger';
import { createLedgerCommand, listStalled } from '../../../scripts/commands/ledger-command';
import { ledgerBatch } from '../../../workflows/engine/case/ledger-snapshot';
import { CaseDriver, caseInput } from '../../workflows/engine/case/fixtures/case-driver';
import { flow, sla, task } from '../../workflows/engine/case/fixtures/flow-builder';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;

describe('fullcycle ledger stalled', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-stalled-'));
    env = { LEDGER_FILE: path.join(dir, 'ledger.sqlite') };
    const ledger = await openLedger({ file: env.LEDGER_FILE }, 'writes');
    const steps = [
      task('handle', { sla: sla('1h', 'calendar') }),
      task('check', { after: ['handle'], assignee: { department: 'check-dept' } }),
    ];
    // L-LATE waits on handle-dept past its one-hour limit since T0; L-MOVED moved on to check-dept later.
    const late = new CaseDriver(caseInput(flow(steps), { caseId: 'L-LATE' }), T0);
    const moved = new CaseDriver(caseInput(flow(steps), { caseId: 'L-MOVED' }), T0).complete(
      'handle',
      {},
      T0 + HOUR / 2,
    );
    for (const c of [late, moved]) await writeLedgerBatch(ledger, ledgerBatch(c.state, 0), c.now);
    await ledger.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function run(filters: Parameters<typeof listStalled>[1]): Promise<string[][]> {
    const lines: string[] = [];
    await listStalled(env, filters, (line) => void lines.push(line));
    return lines.map((line) => line.split('\t'));
  }

  it('lists the open cases longest idle first, with whom each waits on, what is due and whether it is late', async () => {
    const rows = await run({ limit: 10 });
    expect(rows[0]).toEqual([
      'caseId',
      'flowId',
      'stage',
      'waitingOn',
      'nextDueAt',
      'overdue',
      'lastProgressAt',
    ]);
    expect(rows.slice(1).map(([caseId, , , waitingOn, , overdue]) => [caseId, waitingOn, overdue])).toEqual([
      ['L-LATE', 'handle-dept', 'true'],
      ['L-MOVED', 'check-dept', 'false'],
    ]);
    expect(rows[1]?.[4]).toBe('2026-03-02T01:00:00+00:00');
  });

  it('filters by department and by overdue, as the API does', async () => {
    const ids = async (filters: Parameters<typeof listStalled>[1]) =>
      (await run(filters)).slice(1).map(([caseId]) => caseId);
    expect(await ids({ limit: 10, department: 'check-dept' })).toEqual(['L-MOVED']);
    expect(await ids({ limit: 10, overdue: true })).toEqual(['L-LATE']);
    expect(await ids({ limit: 1 })).toEqual(['L-LATE']);
  });

  /** `fullcycle ledger <args>` over the test's ledger: what it prints on stdout and on stderr. */
  async function cli(args: string[]): Promise<{ out: string[]; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const command = createLedgerCommand({
      env,
      write: (line) => void out.push(line),
      writeErr: (text) => void err.push(text),
    }).exitOverride();
    await command.parseAsync(args, { from: 'user' });
    return { out, err: err.join('') };
  }

  it('warns on stderr of a region or department the directory does not know, and lists all the same', async () => {
    const region = await cli(['stalled', '--region', '99']);
    expect(region.err).toMatch(/^warning: region '99' is not in the directory .*directory\.yaml\n$/);
    expect(region.out).toEqual([expect.stringMatching(/^caseId\t/)]);
    const department = await cli(['stalled', '--department', 'nope']);
    expect(department.err).toMatch(
      /^warning: department 'nope' is not in the directory .*directory\.yaml\n$/,
    );
    expect(department.out).toHaveLength(1);
    const known = await cli(['stalled', '--region', '440104', '--department', 'yuexiu-sanitation']);
    expect(known.err).toBe('');
    const unfiltered = await cli(['stalled']);
    expect(unfiltered.err).toBe('');
    expect(unfiltered.out).toHaveLength(3);
  });

  it('refuses a LEDGER_FILE that does not exist instead of listing a new, empty ledger', async () => {
    const missing = path.join(dir, 'mistyped', 'ledger.sqlite');
    await expect(listStalled({ LEDGER_FILE: missing }, { limit: 10 }, () => undefined)).rejects.toThrow(
      `no ledger at ${missing}: set LEDGER_FILE (or DATABASE_URL) to the ledger the API writes`,
    );
    expect(existsSync(path.dirname(missing))).toBe(false);
  });
});
