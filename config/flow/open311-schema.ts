/**
 * The `open311` block of a flow document: how the flow is offered as an Open311 GeoReport v2 service (docs/open311.md).
 * Cross-references to `data` fields are checked by check-open311.ts; defaults are filled by normalize-open311.ts.
 */
import { z } from 'zod';
import { GEOREPORT_DATATYPES, type GeoReportParameter } from '../../workflows/engine/flow-model';
import { IdentifierSchema, LocalizedTextSchema } from './text-schemas';

const field = () => IdentifierSchema.optional().describe('A field of the flow data');

/** One optional data field per GeoReport parameter; `satisfies` keeps it in step with GEOREPORT_PARAMETERS. */
const requestShape = {
  description: field(),
  address_string: field(),
  address_id: field(),
  media_url: field(),
  lat: field(),
  long: field(),
  email: field(),
  device_id: field(),
  account_id: field(),
  first_name: field(),
  last_name: field(),
  phone: field(),
} satisfies Record<GeoReportParameter, z.ZodType>;

export const Open311AttributeDocumentSchema = z
  .strictObject({
    datatype: z
      .enum(GEOREPORT_DATATYPES)
      .optional()
      .describe(
        'Default from the field type: string, text, number (number, integer), datetime, singlevaluelist (enum, boolean), multivaluelist (list)',
      ),
    required: z
      .boolean()
      .optional()
      .describe('Default: whether the data field is required; true asks it of GeoReport clients anyway'),
    order: z.int().min(1).optional().describe('1 is shown first; default the position in attributes'),
    description: LocalizedTextSchema.optional().describe(
      "The question put to the citizen; default the field's title",
    ),
    datatypeDescription: LocalizedTextSchema.optional().describe('How to fill it in'),
    values: z
      .record(z.string().min(1), LocalizedTextSchema)
      .optional()
      .describe('Names of the choices (enum values), or the choices of a list field'),
  })
  .describe('A data field GeoReport clients fill as attribute[code]');

export const Open311DocumentSchema = z
  .strictObject({
    serviceCode: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must hold only letters, digits, - and _ (no dots)')
      .describe('service_code, unique among the flows'),
    group: z.string().min(1).optional().describe('The category the service is listed under'),
    keywords: z.array(z.string().min(1)).optional().describe('Synonyms that help citizens find the service'),
    notice: LocalizedTextSchema.optional().describe('service_notice: what the city will do about a request'),
    request: z
      .strictObject(requestShape)
      .optional()
      .describe(
        'GeoReport request parameter to the data field that keeps it; contact details need personal fields',
      ),
    data: z
      .record(IdentifierSchema, z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
      .optional()
      .describe('Data every request filed through Open311 starts with'),
    attributes: z
      .record(IdentifierSchema, Open311AttributeDocumentSchema)
      .optional()
      .describe('Data fields GeoReport clients fill as attribute[code], in the order listed'),
  })
  .describe('Offers the flow as an Open311 GeoReport v2 service');
export type Open311Document = z.infer<typeof Open311DocumentSchema>;
