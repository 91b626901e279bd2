/** The JSON Schema of flow documents (flows/schema.json), generated with zod 4 for editors. */
import { z } from 'zod';
import { FlowDocumentSchema } from './flow-schema';

/** The JSON Schema object; shared parts (assignee, sla, …) go to `$defs`. */
export function createFlowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FlowDocumentSchema, { target: 'draft-2020-12', io: 'input', reused: 'ref' });
  return { ...schema, $id: 'https://fullcycle.local/flows/schema.json', title: 'Fullcycle service flow' };
}
