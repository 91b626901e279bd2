/**
 * The query of `GET requests` and the jurisdiction of any request: `service_request_id` (a comma list that
 * overrides the rest), `service_code`, `start_date`/`end_date` (w3 date-times spanning at most 90 days; the last 90
 * days by default) and `status` (open, closed). Every bad parameter is a 400 naming it.
 */
import type { Directory, Jurisdiction } from '../../workflows/engine/directory-model';
import { parseInstant } from '../../workflows/engine/time';
import { badRequest, notFound } from './georeport-errors';
import type { GeoStatus } from './request-status';

export const MAX_SPAN_MS = 90 * 24 * 60 * 60 * 1000;
/** At most this many requests in one answer (the specification's default limit). */
export const MAX_REQUESTS = 1000;
/** At most this many ids in one `service_request_id` list (each is read from its case). */
export const MAX_IDS = 100;

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export interface RequestQuery {
  /** When set, exactly these requests (the other filters are ignored). */
  readonly ids?: readonly string[];
  readonly serviceCodes?: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly statuses: readonly GeoStatus[];
}

type QueryValues = Readonly<Record<string, unknown>>;

/** The jurisdiction a request names, or the only one; 400 when several are served and none is named. */
export function jurisdictionOf(directory: Directory, id: string | undefined): Jurisdiction {
  const served = directory.jurisdictions ?? [];
  if (id !== undefined) {
    const found = served.find((jurisdiction) => jurisdiction.id === id);
    if (found === undefined) throw notFound(`jurisdiction_id '${id}' was not found`);
    return found;
  }
  const [only, ...others] = served;
  if (only === undefined) throw notFound('this endpoint serves no jurisdiction (the directory lists none)');
  if (others.length > 0) {
    throw badRequest(`jurisdiction_id is required: one of ${served.map((j) => j.id).join(', ')}`);
  }
  return only;
}

/** One text parameter of the query string (repeats are joined as a comma list). */
export function queryText(query: QueryValues, name: string): string | undefined {
  const value = query[name];
  const text =
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.join(',') : value;
  if (text === undefined || text === '') return undefined;
  if (typeof text !== 'string') throw badRequest(`${name}: must be text`);
  return text;
}

/** Reads the listing filters; `now` ends the default window. */
export function readRequestQuery(query: QueryValues, now: number): RequestQuery {
  const list = (name: string) =>
    queryText(query, name)
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const problems: string[] = [];
  const ids = list('service_request_id');
  for (const id of ids ?? [])
    if (!CASE_ID.test(id)) problems.push(`service_request_id: '${id}' is not a request id`);
  if ((ids?.length ?? 0) > MAX_IDS) problems.push(`service_request_id: at most ${MAX_IDS} ids`);
  const statuses = list('status') ?? ['open', 'closed'];
  for (const status of statuses) {
    if (status !== 'open' && status !== 'closed') problems.push(`status: '${status}' is not open or closed`);
  }
  const instant = (name: string) => {
    const text = queryText(query, name);
    if (text === undefined) return undefined;
    try {
      return parseInstant(text);
    } catch {
      problems.push(`${name}: '${text}' is not a w3 date-time with a time zone, like 2010-01-01T00:00:00Z`);
      return undefined;
    }
  };
  const start = instant('start_date');
  const end = instant('end_date');
  const to = end ?? (start === undefined ? now : start + MAX_SPAN_MS);
  const from = start ?? to - MAX_SPAN_MS;
  if (to < from) problems.push('end_date: is before start_date');
  if (to - from > MAX_SPAN_MS) problems.push('start_date, end_date: may not span more than 90 days');
  if (problems.length > 0) throw badRequest(...problems);
  return {
    ...(ids === undefined ? {} : { ids }),
    ...(list('service_code') === undefined ? {} : { serviceCodes: list('service_code') }),
    from,
    to,
    statuses: statuses.filter((status): status is GeoStatus => status === 'open' || status === 'closed'),
  };
}
