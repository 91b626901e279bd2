/**
 * The workbench names every kind of timeline entry in each of its languages (web/src/i18n/, `timelineTypes`), so a
 * clerk reads 签收 and 催办 instead of `step-claimed` and `urged`. The kinds are those docs/api.md lists for
 * `GET /v1/cases/{caseId}/timeline`, and that list holds every kind the engine records by name (`record(tx, '…'`).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../config/project-root';
import { en } from '../../../web/src/i18n/messages-en';
import { zh } from '../../../web/src/i18n/messages-zh';

/** The entry types of the timeline's table in docs/api.md (the first column's names in backticks). */
async function documentedTypes(): Promise<string[]> {
  const guide = await readFile(path.join(PROJECT_ROOT, 'docs', 'api.md'), 'utf8');
  const table = guide.slice(guide.indexOf('Entry types:'), guide.indexOf('## Department actions on a step'));
  const types = new Set<string>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
    const firstCell = row.split('|')[1] ?? '';
    for (const match of firstCell.matchAll(/`([a-z-]+)`/g)) types.add(match[1]!);
  }
  return [...types].sort();
}

/** Every type the engine's sources record by name: `record(tx, 'step-claimed', …)`. */
async function recordedTypes(): Promise<string[]> {
  const root = path.join(PROJECT_ROOT, 'workflows', 'engine');
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const types = new Set<string>();
  for (const file of files) {
    const source = await readFile(path.join(root, file), 'utf8');
    for (const match of source.matchAll(/record\(\s*tx,\s*'([a-z-]+)'/g)) types.add(match[1]!);
  }
  return [...types].sort();
}

describe("the workbench's names of the timeline's entries", () => {
  it('documents every type the engine records by name', async () => {
    const recorded = await recordedTypes();
    expect(recorded).toEqual(expect.arrayContaining(['case-started', 'step-claimed', 'case-migrated']));
    const documented = await documentedTypes();
    expect(recorded.filter((type) => !documented.includes(type))).toEqual([]);
  });

  it.each([
    ['a Chinese', zh],
    ['an English', en],
  ])('has %s name for every documented type', async (_, messages) => {
    const unnamed = (await documentedTypes()).filter((type) => !(type in messages.timelineTypes));
    expect(unnamed).toEqual([]);
  });
});
