/**
 * The GeoReport v2 answers as JSON, for the OpenAPI document (XML has the same elements, in the same order).
 * Empty values are null, as the specification's JSON examples show.
 */
import { z } from 'zod';
import { GEOREPORT_DATATYPES } from '../../workflows/engine/flow-model';

const text = z.string().nullable();
const instant = z
  .string()
  .meta({ description: 'w3 date-time with its offset, e.g. 2026-03-09T09:00:00+08:00' });

export const GeoReportFormatParamsSchema = z.object({
  format: z.enum(['xml', 'json']).meta({ description: 'xml (text/xml) or json (application/json)' }),
});

export const JurisdictionQuerySchema = z.object({
  jurisdiction_id: z.string().optional().meta({ description: 'Required when the endpoint serves several' }),
});

export const GeoReportServiceListSchema = z
  .array(
    z.object({
      service_code: z.string(),
      service_name: text,
      description: text,
      metadata: z.boolean().meta({ description: 'true: GET services/{service_code} lists attributes' }),
      type: z.enum(['realtime', 'batch', 'blackbox']),
      keywords: z.string(),
      group: text,
    }),
  )
  .meta({ id: 'GeoReportServiceList' });

export const GeoReportServiceDefinitionSchema = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(GEOREPORT_DATATYPES),
        required: z.boolean(),
        datatype_description: text,
        order: z.number().int().positive(),
        description: z.string(),
        values: z.array(z.object({ key: z.string(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: 'GeoReportServiceDefinition' });

export const GeoReportFiledRequestSchema = z
  .array(z.object({ service_request_id: z.string(), service_notice: text, account_id: z.null() }))
  .meta({ id: 'GeoReportFiledRequest' });

export const GeoReportServiceRequestsSchema = z
  .array(
    z.object({
      service_request_id: z.string(),
      status: z.enum(['open', 'closed']),
      status_notes: text,
      service_name: text,
      service_code: z.string(),
      description: text,
      agency_responsible: text,
      service_notice: text,
      requested_datetime: instant,
      updated_datetime: instant,
      expected_datetime: instant.nullable(),
      address: text,
      address_id: text,
      zipcode: text,
      lat: z.number().nullable(),
      long: z.number().nullable(),
      media_url: text,
    }),
  )
  .meta({ id: 'GeoReportServiceRequests' });

export const GeoReportErrorsSchema = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .meta({ id: 'GeoReportErrors', description: 'Every problem of the request' });

export const GeoReportDiscoverySchema = z
  .object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({
        specification: z.string(),
        url: z.string(),
        changeset: z.string(),
        type: z.enum(['production', 'test']),
        formats: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'GeoReportDiscovery' });

export const GeoReportRequestsQuerySchema = JurisdictionQuerySchema.extend({
  service_request_id: z.string().optional().meta({ description: 'Comma list; overrides the other filters' }),
  service_code: z.string().optional().meta({ description: 'Comma list' }),
  start_date: z.string().optional().meta({ description: 'w3 date-time; at most 90 days before end_date' }),
  end_date: z
    .string()
    .optional()
    .meta({ description: 'w3 date-time; default now (or start_date + 90 days)' }),
  status: z.string().optional().meta({ description: 'Comma list of open, closed' }),
});
