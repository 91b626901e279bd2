/**
 * A request as a listing shows it from Temporal visibility alone (search attributes and memo, no query per case):
 * status, service, the agency now responsible, filed and last progress. What only the case itself holds (public
 * notes, description, location, the whole-case deadline) is left empty; `GET requests/{id}` shows all of it.
 */
import type { ListedCase } from '../cases/read-all-pages';
import type { Directory } from '../../workflows/engine/directory-model';
import { formatInstant } from '../../workflows/engine/time';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { GeoRecord } from './georeport-document';
import type { GeoStatus } from './request-status';
import { textIn, type GeoService, type Language } from './service-catalog';

/** open or closed from the search attributes (the same rule as for a case view). */
export function listedStatusOf(item: ListedCase): GeoStatus {
  const status = item.attributes.get(SA.status);
  return status === 'closed' || status === 'cancelled' || item.attributes.get(SA.stage) === 'review'
    ? 'closed'
    : 'open';
}

/** The request element of a listed case, in the specification's order; instants in `timezone`. */
export function listedRequestRecord(
  item: ListedCase,
  context: { service: GeoService; directory: Directory; language: Language; timezone: string },
): GeoRecord {
  const { service, directory, language, timezone } = context;
  const status = listedStatusOf(item);
  const department = status === 'open' ? item.memo.openSteps?.[0]?.department : undefined;
  const at = (date: Date | undefined) =>
    date === undefined ? null : formatInstant(date.getTime(), timezone);
  const requested = at(item.startedAt);
  return [
    ['service_request_id', item.caseId],
    ['status', status],
    ['status_notes', null],
    ['service_name', textIn(service.flow.title, language)],
    ['service_code', service.open311.serviceCode],
    ['description', null],
    [
      'agency_responsible',
      department === undefined
        ? null
        : (directory.departments.find((candidate) => candidate.id === department)?.name ?? department),
    ],
    ['service_notice', textIn(service.open311.notice, language)],
    ['requested_datetime', requested],
    ['updated_datetime', at(item.attributes.get(SA.lastProgressAt)) ?? requested],
    ['expected_datetime', null],
    ['address', null],
    ['address_id', null],
    ['zipcode', null],
    ['lat', null],
    ['long', null],
    ['media_url', null],
  ];
}
