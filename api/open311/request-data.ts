/**
 * The case data of a GeoReport request: the service's fixed data, the request parameters its flow keeps (contact
 * details in personal fields), the attributes, and a textual location in the address field when the citizen typed
 * none. Checked against the flow's data fields; each problem named by the parameter the client sent.
 */
import {
  GEOREPORT_CONTACT_PARAMETERS,
  GEOREPORT_PARAMETERS,
  type GeoReportParameter,
} from '../../workflows/engine/flow-model';
import { fieldErrors } from '../../workflows/engine/case/field-validation';
import { attributeData } from './attribute-values';
import type { GeoPoint } from './locate-region';
import type { PostRequestForm } from './request-form';
import type { GeoService } from './service-catalog';

/** Where the request was located, for the address written when the citizen typed none. */
export interface RequestPlace {
  readonly point?: GeoPoint;
  readonly regionName: string;
}

/** The data to start the case with, or a description of each problem. */
export function requestData(
  service: GeoService,
  form: PostRequestForm,
  place: RequestPlace,
): { data: Record<string, unknown> } | { problems: string[] } {
  const { open311, flow } = service;
  const attributes = attributeData(open311.attributes, flow.data, form.attribute);
  const parameters = parameterValues(form, place);
  const data: Record<string, unknown> = { ...open311.data, ...attributes.data };
  const parameterOf = new Map<string, string>();
  for (const parameter of GEOREPORT_PARAMETERS) {
    const field = open311.request[parameter];
    if (field === undefined) continue;
    parameterOf.set(field, parameter);
    const value = parameters[parameter];
    if (value !== undefined) data[field] = value;
  }
  const problems = [
    ...attributes.problems,
    ...fieldErrors(flow.data, data, 'data')
      .filter((error) => !attributes.problems.some((p) => p.startsWith(`attribute[${error.path.slice(5)}]`)))
      .map((error) => {
        const field = error.path.replace(/^data\./, '');
        const name = parameterOf.get(field) ?? `attribute[${field}]`;
        return `${name}: ${error.message}`;
      }),
  ];
  return problems.length > 0 ? { problems } : { data };
}

/** The parameters kept as the text the citizen sent. */
const TEXT_PARAMETERS = ['description', 'address_id', 'media_url', ...GEOREPORT_CONTACT_PARAMETERS] as const;

/** The value of each GeoReport parameter as case data (numbers for lat and long). */
function parameterValues(
  form: PostRequestForm,
  place: RequestPlace,
): Partial<Record<GeoReportParameter, string | number>> {
  const { point } = place;
  const values: Partial<Record<GeoReportParameter, string | number>> = {
    address_string:
      form.address_string ??
      (form.address_id !== undefined ? `address_id ${form.address_id}` : undefined) ??
      (point ? `${place.regionName} (${point.lat}, ${point.long})` : place.regionName),
  };
  for (const name of TEXT_PARAMETERS) {
    const value = form[name];
    if (value !== undefined) values[name] = value;
  }
  if (point) Object.assign(values, { lat: point.lat, long: point.long });
  return values;
}
