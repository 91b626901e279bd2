import { renderGeoDocument, type GeoDocument } from '../../../api/open311/georeport-document';
import { errorDocument, GeoReportError } from '../../../api/open311/georeport-errors';
import { serviceRequestRecord } from '../../../api/open311/request-status';
import {
  discoveryDocument,
  filedRequestDocument,
  serviceDefinitionDocument,
  serviceListDocument,
} from '../../../api/open311/service-answers';
import { createServiceCatalog, type GeoService } from '../../../api/open311/service-catalog';
import type { ServiceData } from '../../../config/load-service-data';
import { serviceData } from '../../helpers/case-fixtures';
import {
  firstOfEach,
  SPEC_DISCOVERY,
  SPEC_ERRORS,
  SPEC_FILED_REQUEST,
  SPEC_REQUESTS,
  SPEC_SERVICE_DEFINITION,
  SPEC_SERVICE_LIST,
  xmlShape,
  type Shape,
} from './georeport-spec-shapes';
import { viewOf } from './case-views';

/** The shape a Spark-convention JSON answer must have for an XML shape: arrays for containers, keys in order. */
function jsonShapeOf(value: unknown, name: string): Shape {
  if (Array.isArray(value)) {
    const [first] = value as unknown[];
    return first === undefined ? { name } : { name, children: [jsonShapeOf(first, '(item)')] };
  }
  if (typeof value === 'object' && value !== null) {
    return { name, children: Object.entries(value).map(([key, child]) => jsonShapeOf(child, key)) };
  }
  return { name };
}

/** The XML shape with repeated-item names replaced as JSON (which has none) shows them. */
function asJsonShape(shape: Shape, inList = false): Shape {
  const name = inList ? '(item)' : shape.name;
  if (shape.children === undefined) return { name };
  const [first] = shape.children;
  const list = shape.children.length === 1 && first?.children === undefined && /s$/.test(shape.name);
  const repeated = shape.children.every((child) => child.name === first?.name) && shape.name.endsWith('s');
  return { name, children: shape.children.map((child) => asJsonShape(child, repeated || list)) };
}

describe('GeoReport answers against the specification', () => {
  let data: ServiceData;
  let garbage: GeoService;
  const render = (document: GeoDocument) => ({
    xml: renderGeoDocument(document, 'xml'),
    json: JSON.parse(renderGeoDocument(document, 'json')) as unknown,
  });
  /** Our answer has the structure of the specification's example, in XML and (Spark convention) JSON. */
  const expectSpecShape = (document: GeoDocument, example: string) => {
    const { xml, json } = render(document);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    const shape = firstOfEach(xmlShape(example));
    expect(firstOfEach(xmlShape(xml))).toEqual(shape);
    const expected = asJsonShape(shape);
    expect(jsonShapeOf(json, expected.name)).toEqual(expected);
  };

  beforeAll(async () => {
    data = await serviceData();
    garbage = createServiceCatalog(data.flows).byCode('exposed-garbage')!;
  });

  it('lists services like the example of GET services', () => {
    const catalog = createServiceCatalog(data.flows);
    expect(catalog.services.map((service) => service.flow.id)).toEqual(['urban.exposed-garbage']);
    expectSpecShape(serviceListDocument(catalog.services, 'zh'), SPEC_SERVICE_LIST);
    expect(render(serviceListDocument(catalog.services, 'en')).json).toEqual([
      {
        service_code: 'exposed-garbage',
        service_name: 'Exposed garbage removal',
        description: expect.stringContaining('digital urban management event'),
        metadata: true,
        type: 'realtime',
        keywords: 'garbage, litter, rubbish, 暴露垃圾, 垃圾',
        group: 'sanitation',
      },
    ]);
  });

  it('defines a service like the example of GET services/{service_code}, attributes in order', () => {
    expectSpecShape(serviceDefinitionDocument(garbage, 'zh'), SPEC_SERVICE_DEFINITION);
    const { json } = render(serviceDefinitionDocument(garbage, 'en'));
    expect(json).toMatchObject({
      service_code: 'exposed-garbage',
      attributes: [
        {
          variable: true,
          code: 'category',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'What kind of garbage is it?',
          values: [
            { key: 'household', name: 'Household waste' },
            { key: 'construction', name: 'Construction waste' },
            { key: 'bulky', name: 'Bulky waste' },
            { key: 'green', name: 'Garden waste' },
          ],
        },
        { code: 'hazards', datatype: 'multivaluelist', required: false, order: 2 },
      ],
    });
  });

  it('answers a filed request like the example of POST requests', () => {
    expectSpecShape(filedRequestDocument('GR-1', 'notice'), SPEC_FILED_REQUEST);
    expect(render(filedRequestDocument('GR-1', null)).json).toEqual([
      { service_request_id: 'GR-1', service_notice: null, account_id: null },
    ]);
  });

  it('shows a request like the example of GET requests, empty elements as null in JSON', () => {
    const record = serviceRequestRecord(viewOf({}), [], {
      service: garbage,
      flow: garbage.flow,
      directory: data.directory,
      language: 'zh',
    });
    const document: GeoDocument = { root: 'service_requests', body: { item: 'request', items: [record] } };
    expectSpecShape(document, SPEC_REQUESTS);
    expect(render(document).xml).toContain('<zipcode></zipcode>');
    expect(render(document).json).toEqual([expect.objectContaining({ zipcode: null, lat: 23.124 })]);
  });

  it('writes errors like the example of the specification, with several errors in one list', () => {
    const error = new GeoReportError(400, ['attribute[category]: is required', 'lat: must be a latitude']);
    expectSpecShape(errorDocument(error), SPEC_ERRORS);
    expect(render(errorDocument(error)).json).toEqual([
      { code: 400, description: 'attribute[category]: is required' },
      { code: 400, description: 'lat: must be a latitude' },
    ]);
  });

  it('describes the endpoint like the example of service discovery', () => {
    expectSpecShape(discoveryDocument('http://city.example/open311/v2', 'c'), SPEC_DISCOVERY);
    expect(render(discoveryDocument('http://city.example/open311/v2', 'c')).json).toMatchObject({
      endpoints: [{ url: 'http://city.example/open311/v2', formats: ['text/xml', 'application/json'] }],
    });
  });

  it('escapes text in XML instead of breaking the document', () => {
    const { xml } = render(filedRequestDocument('GR-1', 'a < b & "c" </service_notice><x>'));
    expect(xml).toContain(
      '<service_notice>a &lt; b &amp; &quot;c&quot; &lt;/service_notice&gt;&lt;x&gt;</service_notice>',
    );
    expect(firstOfEach(xmlShape(xml))).toEqual(firstOfEach(xmlShape(SPEC_FILED_REQUEST)));
  });
});
