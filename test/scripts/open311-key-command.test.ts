import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKeyStore } from '../../api/open311/api-keys';
import { loadApiKeys, parseApiKeys } from '../../config/open311/load-api-keys';
import { createOpen311KeyCommand } from '../../scripts/commands/open311-key-command';
import type { Directory } from '../../workflows/engine/directory-model';

const directory: Directory = {
  regions: [{ code: '440100', name: '广州市', level: 'city' }],
  departments: [],
  systems: [],
};

/** What the command prints for `--sub`, `--region`: the key and the entry line. */
async function makeKey(sub: string, region: string): Promise<{ key: string | undefined; entry: string }> {
  let output = '';
  await createOpen311KeyCommand((text) => (output += text)).parseAsync(['--sub', sub, '--region', region], {
    from: 'user',
  });
  const key = /api_key .*: ([0-9a-f]{64})\n/.exec(output)?.[1];
  const entry = output.slice(output.indexOf('under keys:\n') + 'under keys:\n'.length).trimEnd();
  return { key, entry };
}

describe('fullcycle open311-key', () => {
  it('prints a new key and an api_keys entry that identifies it by its hash alone', async () => {
    const { key, entry } = await makeKey('open311-fixmystreet', '440100');
    expect(key).toBeDefined();
    expect(entry).not.toContain(key);
    const store = createApiKeyStore(parseApiKeys(`keys:\n${entry}\n`, 'keys.yaml', directory));
    expect(store.identify(key)).toEqual({ sub: 'open311-fixmystreet', role: 'intake', region: '440100' });
  });

  it.each([
    ['YAML syntax', 'a: b # c " d \' e'],
    ['a line break', 'north\nsouth: 1'],
    ['a leading quote and trailing spaces', "'440100  "],
    ['digits YAML would read as a number', '0440100'],
    ['a flow indicator', '{ region: 1 }, ['],
  ])(
    'writes a region holding %s so that the api_keys file loader reads it back equal',
    async (_name, region) => {
      const { key, entry } = await makeKey('open311-odd-region', region);
      const withRegion: Directory = { ...directory, regions: [{ code: region, name: '?', level: 'city' }] };
      const dir = await mkdtemp(join(tmpdir(), 'open311-key-'));
      try {
        const file = join(dir, 'api-keys.yaml');
        await writeFile(file, `keys:\n${entry}\n`);
        const store = createApiKeyStore(await loadApiKeys(file, withRegion));
        expect(store.identify(key)).toEqual({ sub: 'open311-odd-region', role: 'intake', region });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
