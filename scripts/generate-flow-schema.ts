/** Writes flows/schema.json, the JSON Schema of the flow language, from config/flow/flow-schema.ts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createFlowJsonSchema } from '../config/flow/flow-json-schema';

export const FLOW_SCHEMA_PATH = join(__dirname, '..', 'flows', 'schema.json');

/** The text flows/schema.json must hold: the generated schema, formatted like the rest of the repository. */
export async function renderFlowSchema(): Promise<string> {
  const options = (await resolveConfig(FLOW_SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(createFlowJsonSchema()), { ...options, filepath: FLOW_SCHEMA_PATH });
}

if (require.main === module) {
  void renderFlowSchema().then((text) => {
    writeFileSync(FLOW_SCHEMA_PATH, text);
    console.log(`wrote ${FLOW_SCHEMA_PATH}`);
  });
}
