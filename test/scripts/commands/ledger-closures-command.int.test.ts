/**
 * `fullcycle ledger closures` (and the end of `ledger rebuild`) on the real dev server, with no worker reconciler
 * running: a case terminated in Temporal is recorded as cancelled in the ledger the API reads, and
 * `fullcycle ledger stalled` no longer lists it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listStalled, recordLedgerClosures } from '../../../scripts/commands/ledger-command';
import { caseWorkflowId } from '../../../workflows/messages';
import {
  isOpenTask,
  startReferenceCase,
  SUPERVISOR,
  timelineOf,
  useHttpHarness,
} from '../../api/support/http-case-harness';
import { eventually } from '../../helpers/eventually';
import { testTemporalAddress } from '../../helpers/temporal-test-env';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fullcycle-closures-'));
const env: NodeJS.ProcessEnv = {
  LEDGER_FILE: path.join(dir, 'ledger.sqlite'),
  TEMPORAL_ADDRESS: testTemporalAddress(),
};
// The API and worker over that ledger file, as `npm run dev` has them, without the worker's reconciler.
const live = useHttpHarness({ ledger: { file: env.LEDGER_FILE } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fullcycle ledger closures', () => {
  const stalledIds = async (): Promise<string[]> => {
    const lines: string[] = [];
    await listStalled(env, { limit: 500 }, (line) => void lines.push(line));
    return lines.slice(1).map((line) => line.split('\t')[0]!);
  };

  it('records a case terminated in Temporal as cancelled', async () => {
    const { harness, driver } = live;
    const caseId = await startReferenceCase(harness.app, 'urban.exposed-garbage', 'CLI-TERMINATED');
    await driver.until(caseId, (view) => view.steps.some(isOpenTask), 'a task to do');
    await eventually(async () => (await stalledIds()).includes(caseId), 'the case listed by ledger stalled');
    await harness.client.workflow.getHandle(caseWorkflowId(caseId)).terminate('opened by mistake');

    const reports: string[] = [];
    await eventually(
      async () => (await recordLedgerClosures(env, (line) => void reports.push(line))) > 0,
      'the closure listed by visibility and recorded',
    );
    expect(reports.at(-1)).toMatch(/^[1-9]\d* cases closed outside the engine .* recorded as cancelled$/);
    expect((await driver.view(caseId, SUPERVISOR)).status).toBe('cancelled');
    expect((await timelineOf(harness.app, caseId)).at(-1)?.type).toBe('workflow-terminated');
    expect(await stalledIds()).not.toContain(caseId);
  }, 120_000);
});
