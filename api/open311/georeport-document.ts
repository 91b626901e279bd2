/**
 * GeoReport v2 answers as one ordered tree, written as XML (the required format) or JSON by the specification's
 * Spark convention: a container of repeated elements is a JSON array, an element with named children an object,
 * an empty element null. Built with fast-xml-parser, never by string concatenation.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** A leaf: `null` is an empty element in XML and `null` in JSON. */
export type GeoScalar = string | number | boolean | null;

/** An element with named children, in the order the specification lists them. */
export type GeoRecord = readonly (readonly [string, GeoValue])[];

/** A container of repeated `item` elements (`<services><service>…`): a JSON array. */
export interface GeoList {
  readonly item: string;
  readonly items: readonly (GeoRecord | GeoScalar)[];
}

export type GeoValue = GeoScalar | GeoRecord | GeoList;

/** A whole answer: the root element and what it holds. */
export interface GeoDocument {
  readonly root: string;
  readonly body: GeoRecord | GeoList;
}

export type GeoFormat = 'xml' | 'json';

export const CONTENT_TYPES: Readonly<Record<GeoFormat, string>> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

/** The answer in `format`, as the body text. */
export function renderGeoDocument(document: GeoDocument, format: GeoFormat): string {
  return format === 'xml'
    ? XML_DECLARATION + String(builder.build({ [document.root]: toXmlNode(document.body) }))
    : JSON.stringify(toJson(document.body));
}

function isList(value: GeoValue): value is GeoList {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecord(value: GeoValue): value is GeoRecord {
  return Array.isArray(value);
}

/** fast-xml-parser's input: objects keep their key order; an array under a key repeats that element. */
function toXmlNode(value: GeoValue): unknown {
  if (isList(value)) return value.items.length === 0 ? '' : { [value.item]: value.items.map(toXmlNode) };
  if (isRecord(value)) return Object.fromEntries(value.map(([name, child]) => [name, toXmlNode(child)]));
  return value === null ? '' : xmlText(String(value));
}

/** Characters XML 1.0 cannot carry, even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE/F. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text an XML parser accepts: each character XML cannot carry becomes U+FFFD (the JSON answer keeps them). */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

function toJson(value: GeoValue): unknown {
  if (isList(value)) return value.items.map(toJson);
  if (isRecord(value)) return Object.fromEntries(value.map(([name, child]) => [name, toJson(child)]));
  return value;
}
