/**
 * Flows as the API lists, shows and validates them.
 */
import { z } from 'zod';
import { FlowIdSchema, FlowVersionSchema, LocalizedTextSchema } from './common-schemas';

/** Who published a version through the API, and when (additions); absent for a file of FLOWS_DIR. */
const FlowPublicationFields = {
  publishedBy: z.string().optional().meta({
    description: 'Who published the version through `POST /v1/flows` (addition); absent for a file',
  }),
  publishedAt: z
    .string()
    .optional()
    .meta({ description: 'When it was published, ISO 8601 (addition); absent for a file of FLOWS_DIR' }),
};

export const FlowListItemSchema = z
  .object({
    id: FlowIdSchema,
    version: z.number().int().positive(),
    title: LocalizedTextSchema,
    calendar: z.string().meta({ description: "The working calendar the version's cases run on (addition)" }),
    timezone: z.string().meta({
      description:
        "That calendar's IANA time zone, in which the case's instants are written and its local days counted (addition)",
    }),
    ...FlowPublicationFields,
  })
  .meta({ id: 'FlowListItem' });
export type FlowListItem = z.infer<typeof FlowListItemSchema>;

export const FlowListSchema = z
  .object({ items: z.array(FlowListItemSchema) })
  .meta({ id: 'FlowList', description: 'Every version of every flow' });

/** A flow definition as written (see the flow language), plus its Mermaid diagram. */
export const FlowDefinitionSchema = z
  .looseObject({
    id: FlowIdSchema,
    version: z.number().int().positive(),
    title: LocalizedTextSchema,
    ...FlowPublicationFields,
    diagram: z.string().meta({ description: 'Mermaid source' }),
  })
  .meta({ id: 'FlowDefinition' });
export type FlowDefinition = z.infer<typeof FlowDefinitionSchema>;

export const FlowParamsSchema = z.object({ flowId: FlowIdSchema });
export const FlowVersionParamsSchema = z.object({ flowId: FlowIdSchema, version: FlowVersionSchema });

/** The body of `POST /v1/flows/validate` when it is JSON (YAML comes as text). */
export const FlowDocumentSchema = z.record(z.string(), z.unknown()).meta({ id: 'FlowDocument' });

export const ValidateFlowResponseSchema = z
  .object({ valid: z.literal(true) })
  .meta({ id: 'ValidateFlowResponse' });
export type ValidateFlowResponse = z.infer<typeof ValidateFlowResponseSchema>;
