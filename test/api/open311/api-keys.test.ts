import { createApiKeyStore, generateApiKey, hashApiKey } from '../../../api/open311/api-keys';
import type { ApiKeysInvalidError } from '../../../config/open311/load-api-keys';
import { parseApiKeys } from '../../../config/open311/load-api-keys';
import type { Directory } from '../../../workflows/engine/directory-model';

const directory: Directory = {
  regions: [{ code: '440100', name: '广州市', level: 'city' }],
  departments: [],
  systems: [],
};

describe('Open311 api_keys', () => {
  it('identify the intake identity of a configured key from its hash alone', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const file = `keys:\n  - { sub: open311-app, region: '440100', sha256: ${hashApiKey(key)} }\n`;
    expect(file).not.toContain(key);
    const store = createApiKeyStore(parseApiKeys(file, 'keys.yaml', directory));
    expect(store.identify(key)).toEqual({ sub: 'open311-app', role: 'intake', region: '440100' });
    expect(store.identify(generateApiKey())).toBeUndefined();
    expect(store.identify(undefined)).toBeUndefined();
    expect(store.identify(hashApiKey(key))).toBeUndefined();
  });

  it('refuse a file listing keys in clear, unknown regions or the same identity twice, every problem at once', () => {
    const hash = hashApiKey('x'.repeat(32));
    const text = `keys:
  - { sub: a, region: '440100', sha256: ${hash} }
  - { sub: a, region: '440199', sha256: ${hash} }
  - { sub: b, region: '440100', sha256: my-secret-key }
`;
    try {
      parseApiKeys(text, 'keys.yaml', directory);
      throw new Error('expected the file to be refused');
    } catch (error) {
      expect((error as ApiKeysInvalidError).problems).toEqual([
        'keys.2.sha256: must be the SHA-256 of the key as 64 lowercase hex digits',
      ]);
    }
    try {
      parseApiKeys(text.replace('my-secret-key', hashApiKey('y'.repeat(32))), 'keys.yaml', directory);
      throw new Error('expected the file to be refused');
    } catch (error) {
      expect((error as ApiKeysInvalidError).problems).toEqual([
        'keys.1.region: unknown region "440199"',
        'keys.1.sub: the same sub as keys.0',
        'keys.1.sha256: the same sha256 as keys.0',
      ]);
    }
  });
});
