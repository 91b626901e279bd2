/**
 * The workbench names every problem the API answers in each of its languages (web/src/i18n/, `problemTitles`), so a
 * Chinese user never meets an error named only in the API's English. The slugs are read from the API's source, where
 * each problem is declared with `slug: '…'`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { en } from '../../../web/src/i18n/messages-en';
import { zh } from '../../../web/src/i18n/messages-zh';

const API_ROOT = path.join(__dirname, '..', '..', '..', 'api');

/** Every `slug: '…'` in the API's TypeScript sources. */
async function slugsInApi(): Promise<string[]> {
  const files = (await readdir(API_ROOT, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const slugs = new Set<string>();
  for (const file of files) {
    const source = await readFile(path.join(API_ROOT, file), 'utf8');
    for (const match of source.matchAll(/slug: '([a-z0-9-]+)'/g)) slugs.add(match[1]!);
  }
  return [...slugs].sort();
}

describe("the workbench's names of the API's problems", () => {
  it('finds the slugs the API declares', async () => {
    expect(await slugsInApi()).toEqual(
      expect.arrayContaining(['case-closed', 'step-not-active', 'validation']),
    );
  });

  it.each([
    ['a Chinese', zh],
    ['an English', en],
  ])('has %s name for every slug the API answers', async (_, messages) => {
    const unnamed = (await slugsInApi()).filter((slug) => !(slug in messages.problemTitles));
    expect(unnamed).toEqual([]);
  });
});
