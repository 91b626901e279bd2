import { createApiKeyStore } from '../../api/open311/api-keys';
import { parseApiKeys } from '../../config/open311/load-api-keys';
import { createOpen311KeyCommand } from '../../scripts/commands/open311-key-command';
import type { Directory } from '../../workflows/engine/directory-model';

const directory: Directory = {
  regions: [{ code: '440100', name: '广州市', level: 'city' }],
  departments: [],
  systems: [],
};

describe('fullcycle open311-key', () => {
  it('prints a new key and an api_keys entry that identifies it by its hash alone', async () => {
    let output = '';
    await createOpen311KeyCommand((text) => (output += text)).parseAsync(
      ['--sub', 'open311-fixmystreet', '--region', '440100'],
      { from: 'user' },
    );
    const key = /api_key .*: ([0-9a-f]{64})\n/.exec(output)?.[1];
    const entry = output.split('\n').find((line) => line.trimStart().startsWith('- {'));
    expect(key).toBeDefined();
    expect(entry).not.toContain(key);
    const store = createApiKeyStore(parseApiKeys(`keys:\n${entry}\n`, 'keys.yaml', directory));
    expect(store.identify(key)).toEqual({ sub: 'open311-fixmystreet', role: 'intake', region: '440100' });
  });
});
