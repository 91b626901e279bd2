/**
 * The Open311 api_keys (`OPEN311_API_KEYS_PATH`): each key's SHA-256, never the key, and the intake identity it
 * files requests as (a token subject and the region it may file in). Validated at start: every problem at once.
 *
 * ```yaml
 * keys:
 *   - { sub: open311-fixmystreet, region: '440100', sha256: <64 hex digits> }
 * ```
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Directory } from '../../workflows/engine/directory-model';

export const ApiKeyEntrySchema = z.strictObject({
  sub: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must hold only letters, digits, ., _, : and -')
    .describe('The intake identity requests are filed as (audit trail, logs, rate limit)'),
  region: z
    .string({ error: 'expected a string (quote codes in YAML: "440100")' })
    .min(1)
    .describe('The region the key may file requests in'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the key as 64 lowercase hex digits')
    .describe('SHA-256 of the key (UTF-8), hex'),
});
export type ApiKeyEntry = z.infer<typeof ApiKeyEntrySchema>;

export const ApiKeysFileSchema = z.strictObject({ keys: z.array(ApiKeyEntrySchema).default([]) });

/** Thrown when the api_keys file is not valid YAML or breaks its format; lists every problem. */
export class ApiKeysInvalidError extends Error {
  override readonly name = 'ApiKeysInvalidError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid Open311 api_keys file ${file}:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  }
}

/** The entries of the file at `path` (none when no path is configured), checked against the directory. */
export async function loadApiKeys(path: string | undefined, directory: Directory): Promise<ApiKeyEntry[]> {
  if (path === undefined) return [];
  return parseApiKeys(await readFile(path, 'utf8'), path, directory);
}

/** `loadApiKeys` over text already read. */
export function parseApiKeys(text: string, file: string, directory: Directory): ApiKeyEntry[] {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    throw new ApiKeysInvalidError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = ApiKeysFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiKeysInvalidError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const regions = new Set(directory.regions.map((region) => region.code));
  const seen = { sub: new Map<string, number>(), sha256: new Map<string, number>() };
  parsed.data.keys.forEach((entry, index) => {
    if (!regions.has(entry.region)) problems.push(`keys.${index}.region: unknown region "${entry.region}"`);
    for (const field of ['sub', 'sha256'] as const) {
      const first = seen[field].get(entry[field]);
      if (first === undefined) seen[field].set(entry[field], index);
      else problems.push(`keys.${index}.${field}: the same ${field} as keys.${first}`);
    }
  });
  if (problems.length > 0) throw new ApiKeysInvalidError(file, problems);
  return parsed.data.keys;
}
