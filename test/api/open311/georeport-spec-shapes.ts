/**
 * The element structure of the examples in the GeoReport v2 specification (wiki.open311.org/GeoReport_v2 and
 * /Service_Discovery), with the example values replaced: root, repeated containers and the order of every
 * element, which is what answers must match. Tests compare the shape of real answers with these.
 */
import { XMLParser } from 'fast-xml-parser';

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

export const SPEC_SERVICE_LIST = `${DECLARATION}
<services>
  <service>
    <service_code>1</service_code><service_name>n</service_name><description>d</description>
    <metadata>true</metadata><type>realtime</type><keywords>k</keywords><group>g</group>
  </service>
</services>`;

export const SPEC_SERVICE_DEFINITION = `${DECLARATION}
<service_definition>
  <service_code>c</service_code>
  <attributes>
    <attribute>
      <variable>true</variable><code>c</code><datatype>singlevaluelist</datatype><required>true</required>
      <datatype_description></datatype_description><order>1</order><description>d</description>
      <values><value><key>1</key><name>n</name></value></values>
    </attribute>
  </attributes>
</service_definition>`;

export const SPEC_FILED_REQUEST = `${DECLARATION}
<service_requests>
  <request><service_request_id>1</service_request_id><service_notice>n</service_notice><account_id/></request>
</service_requests>`;

export const SPEC_REQUESTS = `${DECLARATION}
<service_requests>
  <request>
    <service_request_id>1</service_request_id><status>closed</status><status_notes>n</status_notes>
    <service_name>n</service_name><service_code>c</service_code><description></description>
    <agency_responsible></agency_responsible><service_notice></service_notice>
    <requested_datetime>t</requested_datetime><updated_datetime>t</updated_datetime>
    <expected_datetime>t</expected_datetime><address>a</address><address_id>1</address_id>
    <zipcode>1</zipcode><lat>1</lat><long>1</long><media_url>u</media_url>
  </request>
</service_requests>`;

export const SPEC_ERRORS = `${DECLARATION}
<errors><error><code>403</code><description>d</description></error></errors>`;

export const SPEC_DISCOVERY = `${DECLARATION}
<discovery>
  <changeset>c</changeset><contact>c</contact><key_service>k</key_service>
  <endpoints>
    <endpoint>
      <specification>http://wiki.open311.org/GeoReport_v2</specification><url>u</url><changeset>c</changeset>
      <type>production</type><formats><format>text/xml</format></formats>
    </endpoint>
  </endpoints>
</discovery>`;

/** One element: its name and, unless it is a leaf, its children in order. */
export interface Shape {
  readonly name: string;
  readonly children?: readonly Shape[];
}

type OrderedNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreDeclaration: true, parseTagValue: false });

/** The shape of an XML text; repeated siblings are kept, so callers compare the first of each where they vary. */
export function xmlShape(xml: string): Shape {
  const [root] = (parser.parse(xml) as OrderedNode[]).map(toShape).filter((shape) => shape !== undefined);
  if (root === undefined) throw new Error('no root element');
  return root;
}

function toShape(node: OrderedNode): Shape | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return undefined;
  const children = (node[name] as OrderedNode[]).map(toShape).filter((shape) => shape !== undefined);
  return children.length === 0 ? { name } : { name, children };
}

/** The shape with every container cut to its first child (examples and answers differ in how many). */
export function firstOfEach(shape: Shape): Shape {
  if (shape.children === undefined) return shape;
  const [first] = shape.children;
  const repeated = shape.children.length > 1 && shape.children.every((child) => child.name === first?.name);
  const children = repeated && first ? [first] : shape.children;
  return { name: shape.name, children: children.map(firstOfEach) };
}
