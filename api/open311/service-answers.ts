/**
 * The GeoReport answers about services, in the element order of the specification's examples: the service list,
 * a service definition (its attributes), and the answer to a filed request.
 */
import type { GeoDocument, GeoRecord } from './georeport-document';
import { textIn, type GeoService, type Language } from './service-catalog';

/** `GET services`: every service, realtime (a filed request answers its id at once). */
export function serviceListDocument(services: readonly GeoService[], language: Language): GeoDocument {
  return {
    root: 'services',
    body: {
      item: 'service',
      items: services.map(
        ({ flow, open311 }): GeoRecord => [
          ['service_code', open311.serviceCode],
          ['service_name', textIn(flow.title, language)],
          ['description', flow.description ?? null],
          ['metadata', open311.attributes.length > 0],
          ['type', 'realtime'],
          ['keywords', open311.keywords.join(', ')],
          ['group', open311.group ?? null],
        ],
      ),
    },
  };
}

/** `GET services/{service_code}`: the attributes a client fills in, in order. */
export function serviceDefinitionDocument({ open311 }: GeoService, language: Language): GeoDocument {
  return {
    root: 'service_definition',
    body: [
      ['service_code', open311.serviceCode],
      [
        'attributes',
        {
          item: 'attribute',
          items: open311.attributes.map(
            (attribute): GeoRecord => [
              ['variable', true],
              ['code', attribute.code],
              ['datatype', attribute.datatype],
              ['required', attribute.required],
              ['datatype_description', textIn(attribute.datatypeDescription, language)],
              ['order', attribute.order],
              ['description', textIn(attribute.description, language) ?? attribute.code],
              [
                'values',
                {
                  item: 'value',
                  items: attribute.values.map(
                    ({ key, name }): GeoRecord => [
                      ['key', key],
                      ['name', textIn(name, language) ?? key],
                    ],
                  ),
                },
              ],
            ],
          ),
        },
      ],
    ],
  };
}

/** `POST requests`: the new request's id and the service notice; account_id is never echoed (personal). */
export function filedRequestDocument(serviceRequestId: string, notice: string | null): GeoDocument {
  return {
    root: 'service_requests',
    body: {
      item: 'request',
      items: [
        [
          ['service_request_id', serviceRequestId],
          ['service_notice', notice],
          ['account_id', null],
        ],
      ],
    },
  };
}

/** The specification this endpoint implements, as service discovery names it. */
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** `GET discovery`: this one endpoint, both formats; `changeset` says when the served services last changed. */
export function discoveryDocument(endpointUrl: string, changeset: string): GeoDocument {
  return {
    root: 'discovery',
    body: [
      ['changeset', changeset],
      ['contact', 'Fullcycle Open311 GeoReport v2 endpoint: contact the city office that runs it'],
      ['key_service', 'api_keys are issued by the city office that runs this endpoint'],
      [
        'endpoints',
        {
          item: 'endpoint',
          items: [
            [
              ['specification', GEOREPORT_V2_SPECIFICATION],
              ['url', endpointUrl],
              ['changeset', changeset],
              ['type', 'production'],
              ['formats', { item: 'format', items: ['text/xml', 'application/json'] }],
            ],
          ],
        },
      ],
    ],
  };
}
