/**
 * Reads service requests: one by id, several by ids, or a listing by service, time and status within a
 * jurisdiction, each as a GeoReport request element. Only cases of a flow offered as a service and lying in the
 * jurisdiction's region are requests; anything else reads as unknown. Listings come from Temporal visibility (the
 * case search attributes), then each case's view, a few at a time.
 */
import type { CaseGateway } from '../cases/case-gateway';
import { readAllPages } from '../cases/read-all-pages';
import { toHttpProblem } from '../problems';
import { equals } from '../routes/visibility-query';
import type { ServiceData } from '../../config/load-service-data';
import type { Jurisdiction } from '../../workflows/engine/directory-model';
import { isWithinRegion } from '../../workflows/engine/directory';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { parseInstant } from '../../workflows/engine/time';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { GeoRecord } from './georeport-document';
import { notFound } from './georeport-errors';
import { MAX_REQUESTS, type RequestQuery } from './request-query';
import { geoStatusOf, serviceRequestRecord } from './request-status';
import type { ServiceCatalog } from './service-catalog';

const VIEWS_AT_ONCE = 8;

export interface RequestReader {
  /** The request, or undefined when it is unknown to this jurisdiction. */
  one(id: string, jurisdiction: Jurisdiction): Promise<GeoRecord | undefined>;
  /** The requests matching the query, newest first, at most MAX_REQUESTS. */
  list(query: RequestQuery, jurisdiction: Jurisdiction): Promise<GeoRecord[]>;
}

/** Reads through the case gateway. */
export function createRequestReader(
  gateway: CaseGateway,
  service: ServiceData,
  catalog: ServiceCatalog,
): RequestReader {
  const record = (view: CaseView, jurisdiction: Jurisdiction): GeoRecord | undefined => {
    const geo = catalog.byFlowId(view.flowId);
    if (geo === undefined || !isWithinRegion(service.directory, view.region, jurisdiction.region))
      return undefined;
    const flow = service.flows.get(view.flowId, view.flowVersion) ?? geo.flow;
    const language = jurisdiction.language ?? 'zh';
    return serviceRequestRecord(view, { service: geo, flow, directory: service.directory, language });
  };
  const viewOrNone = (id: string) =>
    gateway.view(id).catch((error: unknown) => {
      if (toHttpProblem(error)?.status === 404) return undefined;
      throw error;
    });
  const records = async (ids: readonly string[], jurisdiction: Jurisdiction, query?: RequestQuery) => {
    const views = await inBatches(ids, VIEWS_AT_ONCE, viewOrNone);
    return views
      .filter((view): view is CaseView => view !== undefined)
      .filter((view) => query === undefined || query.statuses.includes(geoStatusOf(view)))
      .sort((a, b) => parseInstant(b.createdAt) - parseInstant(a.createdAt))
      .map((view) => record(view, jurisdiction))
      .filter((found): found is GeoRecord => found !== undefined);
  };
  return {
    async one(id, jurisdiction) {
      const view = await viewOrNone(id);
      return view && record(view, jurisdiction);
    },
    async list(query, jurisdiction) {
      if (query.ids !== undefined) return records(query.ids, jurisdiction);
      const codes = query.serviceCodes ?? catalog.services.map((geo) => geo.open311.serviceCode);
      const flowIds = codes.map((code) => {
        const geo = catalog.byCode(code);
        if (geo === undefined) throw notFound(`service_code '${code}' was not found`);
        return geo.flow.id;
      });
      if (flowIds.length === 0) return [];
      const visibility = [
        `(${flowIds.map((id) => equals(SA.flowId, id)).join(' OR ')})`,
        equals(SA.regionPath, jurisdiction.region),
        `StartTime >= '${new Date(query.from).toISOString()}'`,
        `StartTime <= '${new Date(query.to).toISOString()}'`,
      ].join(' AND ');
      const pages = await readAllPages(gateway, visibility, Math.ceil(MAX_REQUESTS / 500));
      const found = await records(
        pages.items.map((item) => item.caseId),
        jurisdiction,
        query,
      );
      return found.slice(0, MAX_REQUESTS);
    },
  };
}

/** `work` over every item, `size` at a time, results in item order. */
async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}
