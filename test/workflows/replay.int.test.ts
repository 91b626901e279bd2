import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { historyFromJsonText } from '../helpers/history-json';
import { REFERENCE_CASES } from '../helpers/reference-cases';

const HISTORIES = path.resolve(__dirname, '..', 'histories');

const replayOptions = () => ({
  workflowBundle: { codePath: process.env.FULLCYCLE_TEST_WORKFLOW_BUNDLE! },
});

describe('recorded histories replay against the current workflow code', () => {
  it('has a recorded history for every reference flow (npm run histories:record)', async () => {
    const files = (await readdir(HISTORIES)).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(
      Object.keys(REFERENCE_CASES)
        .map((id) => `${id}.json`)
        .sort(),
    );
  });

  it('replays every recorded history without nondeterminism', async () => {
    const files = (await readdir(HISTORIES)).filter((f) => f.endsWith('.json'));
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: `case-H-${path.basename(file, '.json')}`,
        history: historyFromJsonText(await readFile(path.join(HISTORIES, file), 'utf8')),
      })),
    );
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(replayOptions(), histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });

  it('fails on a history whose commands the code would not issue', async () => {
    const text = await readFile(path.join(HISTORIES, 'urban.exposed-garbage.json'), 'utf8');
    const tampered = text.replace('"name": "callDepartmentSystem"', '"name": "callSomeOtherSystem"');
    expect(tampered).not.toBe(text);
    await expect(
      Worker.runReplayHistory(replayOptions(), historyFromJsonText(tampered), 'case-tampered'),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
