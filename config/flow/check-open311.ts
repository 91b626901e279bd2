/**
 * Checks of the `open311` block against the flow's `data`: every named field exists and fits its use, contact
 * details go only to personal fields and what GeoReport answers show only to non-personal ones, no field is filled
 * twice, attribute datatypes, choices and orders are consistent, and every required data field is filled.
 */
import {
  GEOREPORT_CONTACT_PARAMETERS,
  GEOREPORT_PARAMETERS,
  type GeoReportParameter,
} from '../../workflows/engine/flow-model';
import { fieldErrors } from '../../workflows/engine/case/field-validation';
import { formatPath, type DocumentPath, type PathProblem } from './flow-problem';
import type { FlowParts } from './flow-parts';
import type { FieldMapDocumentSchema } from './flow-schema';
import { DATATYPES_OF_FIELD } from './normalize-open311';
import type { Open311Document } from './open311-schema';
import type { z } from 'zod';

type Fields = z.infer<typeof FieldMapDocumentSchema>;

const CONTACT: ReadonlySet<GeoReportParameter> = new Set(GEOREPORT_CONTACT_PARAMETERS);
const BASE = ['open311'] as const;

/** Problems of the `open311` block (none when the flow has none, or its `data` is malformed). */
export function checkOpen311(parts: FlowParts): PathProblem[] {
  const block = parts.doc.open311;
  if (block === undefined || parts.dataFields === undefined) return [];
  const fields: Fields = parts.doc.data ?? {};
  const problems: PathProblem[] = [];
  const filledBy = new Map<string, DocumentPath>();
  /** The field at `path`, registered as filled there; undefined (and a problem) when unknown or filled twice. */
  const claim = (name: string, path: DocumentPath) => {
    const field = fields[name];
    if (field === undefined) {
      problems.push({ path, message: `unknown data field '${name}'` });
      return undefined;
    }
    const first = filledBy.get(name);
    if (first !== undefined) {
      problems.push({ path, message: `data field '${name}' is already filled by ${formatPath(first)}` });
      return undefined;
    }
    filledBy.set(name, path);
    return field;
  };
  checkRequest(block, claim, problems);
  for (const [name, value] of Object.entries(block.data ?? {})) {
    const path = [...BASE, 'data', name];
    const field = claim(name, path);
    if (field === undefined) continue;
    for (const error of fieldErrors({ [name]: toFieldSpec(field) }, { [name]: value }, 'data')) {
      problems.push({ path, message: `'${name}' ${error.message}` });
    }
  }
  checkAttributes(block, claim, problems);
  for (const [name, field] of Object.entries(fields)) {
    if (field.required === true && !filledBy.has(name)) {
      problems.push({
        path: BASE,
        message: `required data field '${name}' is not filled from Open311: map it in request, give it in data or make it an attribute`,
      });
    }
  }
  return problems;
}

type Claim = (name: string, path: DocumentPath) => Fields[string] | undefined;

function checkRequest(block: Open311Document, claim: Claim, problems: PathProblem[]): void {
  for (const parameter of GEOREPORT_PARAMETERS) {
    const name = block.request?.[parameter];
    if (name === undefined) continue;
    const path = [...BASE, 'request', parameter];
    const field = claim(name, path);
    if (field === undefined) continue;
    const numeric = parameter === 'lat' || parameter === 'long';
    const fits = numeric ? field.type === 'number' : field.type === 'string' || field.type === 'text';
    if (!fits) {
      const wanted = numeric ? 'a number' : 'a string or text';
      problems.push({ path, message: `${parameter} needs ${wanted} field, but '${name}' is ${field.type}` });
    }
    if (CONTACT.has(parameter) && field.personal !== true) {
      problems.push({
        path,
        message: `${parameter} is a contact detail of the citizen: data field '${name}' must be personal: true`,
      });
    }
    if (!CONTACT.has(parameter) && field.personal === true) {
      problems.push({
        path,
        message: `${parameter} is shown in GeoReport answers: data field '${name}' must not be personal`,
      });
    }
  }
}

function checkAttributes(block: Open311Document, claim: Claim, problems: PathProblem[]): void {
  const orders = new Map<number, string>();
  Object.entries(block.attributes ?? {}).forEach(([code, attribute], index) => {
    const path = [...BASE, 'attributes', code];
    const field = claim(code, path);
    if (field === undefined) return;
    const allowed = DATATYPES_OF_FIELD[field.type];
    if (attribute.datatype !== undefined && !allowed.includes(attribute.datatype)) {
      problems.push({
        path: [...path, 'datatype'],
        message: `a ${field.type} field is offered as ${allowed.join(' or ')}, not ${attribute.datatype}`,
      });
    }
    if (attribute.required === false && field.required === true) {
      problems.push({
        path: [...path, 'required'],
        message: `'${code}' is a required data field: it cannot be optional for GeoReport clients`,
      });
    }
    if (field.type === 'list' && attribute.values === undefined) {
      problems.push({ path, message: `list field '${code}' needs values: the choices clients pick from` });
    }
    if (attribute.values !== undefined && field.type !== 'list' && field.type !== 'enum') {
      problems.push({ path: [...path, 'values'], message: 'values apply to enum and list fields only' });
    }
    if (field.type === 'enum') {
      for (const key of Object.keys(attribute.values ?? {})) {
        if (!(field.values ?? []).includes(key)) {
          problems.push({ path: [...path, 'values', key], message: `'${key}' is not a value of '${code}'` });
        }
      }
    }
    const order = attribute.order ?? index + 1;
    const twin = orders.get(order);
    if (twin === undefined) orders.set(order, code);
    else
      problems.push({ path: [...path, 'order'], message: `order ${order} is taken by attribute '${twin}'` });
  });
}

function toFieldSpec(field: Fields[string]) {
  return { type: field.type, required: false, ...(field.values ? { values: field.values } : {}) };
}
