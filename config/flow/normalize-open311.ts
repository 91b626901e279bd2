/**
 * The `open311` block of a valid flow document to the flow model's Open311Spec: datatypes, `required`, `order` and
 * descriptions defaulted from the data fields, the choices of list datatypes listed, attributes sorted by order.
 */
import type {
  FieldMap,
  FieldSpec,
  GeoReportDatatype,
  Open311Attribute,
  Open311Spec,
} from '../../workflows/engine/flow-model';
import type { Open311Document } from './open311-schema';

type AttributeDocument = NonNullable<Open311Document['attributes']>[string];

/** The datatypes a field type may be offered as; the first is the default. */
export const DATATYPES_OF_FIELD: Readonly<Record<FieldSpec['type'], readonly GeoReportDatatype[]>> = {
  string: ['string', 'text'],
  text: ['text', 'string'],
  number: ['number'],
  integer: ['number'],
  boolean: ['singlevaluelist'],
  date: ['string', 'datetime'],
  datetime: ['datetime'],
  enum: ['singlevaluelist'],
  list: ['multivaluelist'],
};

/** Normalizes a block that check-open311 found consistent with `data`. */
export function normalizeOpen311(block: Open311Document, data: FieldMap): Open311Spec {
  const attributes = Object.entries(block.attributes ?? {}).map(([code, attribute], index) =>
    normalizeAttribute(code, attribute, data[code], index + 1),
  );
  return {
    serviceCode: block.serviceCode,
    ...(block.group === undefined ? {} : { group: block.group }),
    keywords: block.keywords ?? [],
    ...(block.notice === undefined ? {} : { notice: { ...block.notice } }),
    request: { ...block.request },
    data: { ...block.data },
    attributes: attributes.sort((a, b) => a.order - b.order),
  };
}

function normalizeAttribute(
  code: string,
  attribute: AttributeDocument,
  field: FieldSpec | undefined,
  position: number,
): Open311Attribute {
  const type = field?.type ?? 'string';
  const description = attribute.description ?? field?.title;
  return {
    code,
    datatype: attribute.datatype ?? DATATYPES_OF_FIELD[type][0] ?? 'string',
    required: attribute.required ?? field?.required ?? false,
    order: attribute.order ?? position,
    ...(description === undefined ? {} : { description: { ...description } }),
    ...(attribute.datatypeDescription === undefined
      ? {}
      : { datatypeDescription: { ...attribute.datatypeDescription } }),
    values: choices(type, field?.values, attribute.values ?? {}),
  };
}

function choices(
  type: FieldSpec['type'],
  fieldValues: readonly string[] | undefined,
  names: Readonly<Record<string, { zh?: string; en?: string }>>,
): Open311Attribute['values'] {
  const keys =
    type === 'enum' ? (fieldValues ?? []) : type === 'boolean' ? ['true', 'false'] : Object.keys(names);
  return keys.map((key) => {
    const name = names[key];
    return name === undefined ? { key } : { key, name: { ...name } };
  });
}
