import { createFlowCatalog } from '../../../config/flow/load-flows';
import { Open311ServiceCodeDuplicateError } from '../../../config/flow/flow-problem';
import { validateFlowSource } from '../../../config/flow/validate-flow';
import type { Flow } from '../../../workflows/engine/flow-model';
import { ctx } from './flow-fixtures';

/** A flow offered through Open311; tests replace parts of it. */
const FLOW = `id: t.garbage
version: 1
title: { zh: 暴露垃圾, en: Exposed garbage }
data:
  address: { type: string, required: true }
  description: { type: text }
  kind: { type: enum, values: [household, construction], required: true }
  hazards: { type: list }
  source: { type: enum, values: [citizen, inspector], required: true }
  phone: { type: string, personal: true }
  lat: { type: number }
steps:
  - id: handle
    stage: action
    kind: task
    assignee: { role: sanitation, level: district }
    form:
      note: { type: text, public: true }
open311:
  serviceCode: garbage
  group: sanitation
  keywords: [litter]
  request:
    description: description
    address_string: address
    phone: phone
    lat: lat
  data: { source: citizen }
  attributes:
    hazards:
      order: 2
      values: { sharp: { en: Sharp objects } }
    kind:
      order: 1
      description: { en: What kind? }
      values: { household: { zh: 生活垃圾 } }
`;

function flowOf(text: string): Flow {
  const result = validateFlowSource(text, 'yaml', ctx, 'flows/t.yaml');
  if (!result.valid) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.flow;
}

function messagesOf(text: string): string[] {
  const result = validateFlowSource(text, 'yaml', ctx, 'flows/t.yaml');
  if (result.valid) throw new Error('expected the flow to be invalid');
  return result.problems.map(
    (p) => `${p.path}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`,
  );
}

describe('the open311 block of a flow', () => {
  it('normalizes with attributes in order, datatypes, requirement and choices from the data fields', () => {
    const open311 = flowOf(FLOW).open311;
    expect(open311).toEqual({
      serviceCode: 'garbage',
      group: 'sanitation',
      keywords: ['litter'],
      request: { description: 'description', address_string: 'address', phone: 'phone', lat: 'lat' },
      data: { source: 'citizen' },
      attributes: [
        {
          code: 'kind',
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          description: { en: 'What kind?' },
          values: [{ key: 'household', name: { zh: '生活垃圾' } }, { key: 'construction' }],
        },
        {
          code: 'hazards',
          datatype: 'multivaluelist',
          required: false,
          order: 2,
          values: [{ key: 'sharp', name: { en: 'Sharp objects' } }],
        },
      ],
    });
  });

  it('keeps personal and public only where set, so flows without them normalize as before', () => {
    const flow = flowOf(FLOW);
    expect(flow.data['phone']).toEqual({ type: 'string', required: false, personal: true });
    expect(flow.data['address']).toEqual({ type: 'string', required: true });
    const handle = flow.steps[0];
    expect(handle?.kind === 'task' && handle.form['note']).toEqual({
      type: 'text',
      required: false,
      public: true,
    });
    expect('open311' in flowOf(FLOW.slice(0, FLOW.indexOf('open311:')))).toBe(false);
  });

  it('reports contact details kept in a field that is not personal, and shown ones that are', () => {
    const text = FLOW.replace('phone: { type: string, personal: true }', 'phone: { type: string }').replace(
      'description: { type: text }',
      'description: { type: text, personal: true }',
    );
    expect(messagesOf(text)).toEqual([
      "open311.request.description (line 24): description is shown in GeoReport answers: data field 'description' must not be personal",
      "open311.request.phone (line 26): phone is a contact detail of the citizen: data field 'phone' must be personal: true",
    ]);
  });

  it('reports unknown fields, fields filled twice, wrong types and uncovered required fields, located', () => {
    const text = FLOW.replace('lat: lat', 'lat: address\n    long: nowhere').replace(
      'data: { source: citizen }',
      'data: { source: visitor }',
    );
    expect(messagesOf(text)).toEqual([
      "open311.request.lat (line 27): data field 'address' is already filled by open311.request.address_string",
      "open311.request.long (line 28): unknown data field 'nowhere'",
      "open311.data.source (line 29): 'source' must be one of citizen, inspector",
    ]);
    expect(messagesOf(FLOW.replace('  data: { source: citizen }\n', ''))).toEqual([
      "open311 (line 20): required data field 'source' is not filled from Open311: map it in request, give it in data or make it an attribute",
    ]);
    expect(
      messagesOf(FLOW.replace('lat: lat', 'lat: source').replace('  data: { source: citizen }\n', '')),
    ).toContain("open311.request.lat (line 27): lat needs a number field, but 'source' is enum");
  });

  it('reports attribute datatypes, requirement, choices and orders that do not fit their fields', () => {
    const text = FLOW.replace('order: 1', 'order: 2\n      required: false\n      datatype: text').replace(
      'values: { household: { zh: 生活垃圾 } }',
      'values: { glass: { en: Glass } }',
    );
    expect(messagesOf(text)).toEqual([
      "open311.attributes.kind.order (line 34): order 2 is taken by attribute 'hazards'",
      "open311.attributes.kind.required (line 35): 'kind' is a required data field: it cannot be optional for GeoReport clients",
      'open311.attributes.kind.datatype (line 36): a enum field is offered as singlevaluelist, not text',
      "open311.attributes.kind.values.glass (line 38): 'glass' is not a value of 'kind'",
    ]);
    expect(messagesOf(FLOW.replace('      values: { sharp: { en: Sharp objects } }\n', ''))).toEqual([
      "open311.attributes.hazards (line 31): list field 'hazards' needs values: the choices clients pick from",
    ]);
  });

  it('reports personal outside data, public outside task forms, and a public note that is not text', () => {
    const text = FLOW.replace(
      'note: { type: text, public: true }',
      'note: { type: boolean, public: true, personal: true }',
    ).replace('lat: { type: number }', 'lat: { type: number, public: true }');
    expect(messagesOf(text)).toEqual([
      'data.lat.public (line 11): public applies to task form fields only',
      "data.lat.public (line 11): a public note must be a string or text field ('lat' is number)",
      "steps[0].form.note.public (line 18): a public note must be a string or text field ('note' is boolean)",
      'steps[0].form.note.personal (line 18): personal applies to case data fields only',
    ]);
  });

  it('refuses two flows offering the same service code', () => {
    const flow = flowOf(FLOW);
    const other = flowOf(FLOW.replace('id: t.garbage', 'id: t.litter'));
    const file = (f: Flow, name: string) => ({ flow: f, file: name, text: '', format: 'yaml' as const });
    expect(() => createFlowCatalog([file(flow, 'a.yaml'), file(other, 'b.yaml')])).toThrow(
      Open311ServiceCodeDuplicateError,
    );
    const v2 = flowOf(FLOW.replace('version: 1', 'version: 2'));
    expect(createFlowCatalog([file(flow, 'a.yaml'), file(v2, 'a2.yaml')]).get('t.garbage')?.version).toBe(2);
  });
});
