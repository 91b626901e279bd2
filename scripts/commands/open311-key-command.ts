/**
 * `fullcycle open311-key`: makes an Open311 api_key and prints it with the entry of the api_keys file that holds
 * only its hash (docs/open311.md, "API keys"). The key goes to the app; the entry to OPEN311_API_KEYS_PATH.
 */
import { Command } from 'commander';
import { apiKeyEntryYaml } from '../../config/open311/api-key-entry-yaml';
import { ApiKeyEntrySchema } from '../../config/open311/load-api-keys';
import { generateApiKey, hashApiKey } from '../../api/open311/api-keys';

interface KeyOptions {
  readonly sub: string;
  readonly region: string;
}

/** The `open311-key` command; `write` is stdout unless a test gives its own. */
export function createOpen311KeyCommand(
  write: (text: string) => void = (text) => void process.stdout.write(text),
): Command {
  return new Command('open311-key')
    .description('make an Open311 api_key and print it with its api_keys file entry (the hash only)')
    .requiredOption('--sub <sub>', 'the intake identity the key files requests as, e.g. open311-fixmystreet')
    .requiredOption('--region <region>', 'the region code the key may file requests in')
    .action(function (this: Command, options: KeyOptions) {
      const key = generateApiKey();
      const entry = ApiKeyEntrySchema.safeParse({ ...options, sha256: hashApiKey(key) });
      if (!entry.success) this.error(`error: ${entry.error.issues.map((issue) => issue.message).join('; ')}`);
      write(
        `api_key (give it to the app; it is not kept anywhere): ${key}\n` +
          `entry for the api_keys file (OPEN311_API_KEYS_PATH), under keys:\n` +
          `${apiKeyEntryYaml(entry.data)}\n`,
      );
    });
}
