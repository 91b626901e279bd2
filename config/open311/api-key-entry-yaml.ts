/**
 * One entry of the Open311 api_keys file as YAML text, written by the `yaml` library so that any value (a region
 * holding `:`, `#`, quotes or a line break) reads back as it was: the `open311-key` command prints it and
 * `npm run dev` writes it.
 */
import { stringify } from 'yaml';
import type { ApiKeyEntry } from './load-api-keys';

/** The entry as one list item under `keys:`, indented two spaces: `  - { sub: …, region: "…", sha256: … }`. */
export function apiKeyEntryYaml(entry: ApiKeyEntry): string {
  const { sub, region, sha256 } = entry;
  return `  - ${stringify({ sub, region, sha256 }, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd()}`;
}
