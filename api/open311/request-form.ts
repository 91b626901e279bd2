/**
 * The form of `POST requests` (application/x-www-form-urlencoded), read with Express's `qs`-based parser:
 * `attribute[code]=value` becomes `{ attribute: { code: value } }` and `attribute[code][]=v` a list. The parser is
 * bounded (body size, 200 parameters, nesting depth 2, beyond which it answers 400); the schema then accepts only
 * strings where GeoReport has strings, so a repeated or nested parameter is a 400 naming it. Empty values count
 * as absent, as the specification asks of optional arguments.
 */
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { NUL_MESSAGE, unsafeJsonPart } from '../limits/unsafe-json-part';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** The body parser of `POST requests`. */
export function createRequestFormParser(limit: string | number): RequestHandler {
  // `depth` is body-parser 2's option (with strictDepth), missing from its type definitions.
  const options = { extended: true, limit, parameterLimit: 200, depth: 2, type: FORM_MEDIA_TYPE };
  return express.urlencoded(options);
}

const optional = (max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().max(max).optional());

export const PostRequestFormSchema = z.object({
  api_key: optional(512),
  jurisdiction_id: optional(200),
  service_code: z.preprocess((value) => (value === '' ? undefined : value), z.string().max(200)),
  lat: optional(40),
  long: optional(40),
  address_string: optional(1000),
  address_id: optional(200),
  email: optional(254),
  device_id: optional(200),
  account_id: optional(200),
  first_name: optional(200),
  last_name: optional(200),
  phone: optional(100),
  description: optional(4000),
  media_url: optional(2000),
  attribute: z
    .record(z.string().max(100), z.union([z.string().max(4000), z.array(z.string().max(4000)).max(100)]))
    .optional(),
});
export type PostRequestForm = z.infer<typeof PostRequestFormSchema>;

/** GeoReport's name of a form path: `attribute[code]`, `description`. */
export function parameterName(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  return `${first ?? ''}${rest.map((part) => `[${part}]`).join('')}`;
}

/** The form, or the descriptions of every problem with the parameter it is about. */
export function readRequestForm(body: unknown): { form: PostRequestForm } | { problems: string[] } {
  // The form parser nests at most two levels (`attribute[code][]`): only U+0000 is left to look for.
  const unsafe = unsafeJsonPart(body, Number.POSITIVE_INFINITY);
  if (unsafe?.problem === 'nul') return { problems: [`${parameterName(unsafe.path)}: ${NUL_MESSAGE}`] };
  const parsed = PostRequestFormSchema.safeParse(body ?? {});
  if (parsed.success) return { form: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const name = parameterName(issue.path);
      const given = valueAt(body, issue.path) !== undefined && valueAt(body, issue.path) !== '';
      const message =
        issue.code !== 'invalid_type' ? issue.message : given ? 'must be given once, as text' : 'is required';
      return name === '' ? message : `${name}: ${message}`;
    }),
  };
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
