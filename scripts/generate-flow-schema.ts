/**
 * Writes flows/schema.json, the JSON Schema of the flow language, from config/flow/flow-schema.ts.
 * With `--check`, writes nothing and exits 1 when the committed file is stale (used by the test suite).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createFlowJsonSchema } from '../config/flow/flow-json-schema';

const FLOW_SCHEMA_PATH = join(__dirname, '..', 'flows', 'schema.json');

/** The text flows/schema.json must hold: the generated schema, formatted like the rest of the repository. */
async function renderFlowSchema(): Promise<string> {
  const options = (await resolveConfig(FLOW_SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(createFlowJsonSchema()), { ...options, filepath: FLOW_SCHEMA_PATH });
}

async function main(check: boolean): Promise<void> {
  const text = await renderFlowSchema();
  if (!check) {
    writeFileSync(FLOW_SCHEMA_PATH, text);
    console.log(`wrote ${FLOW_SCHEMA_PATH}`);
  } else if (readFileSync(FLOW_SCHEMA_PATH, 'utf8') !== text) {
    console.error(`${FLOW_SCHEMA_PATH} is stale: run npm run flows:schema`);
    process.exitCode = 1;
  }
}

void main(process.argv.includes('--check'));
