/**
 * Reads service requests: one by id, or several by ids, from each case's view; a listing by service, time and
 * status within a jurisdiction from Temporal visibility alone (listed-request.ts), so that a public listing never
 * costs a query per case. Only cases of a flow offered as a service and lying in the jurisdiction's region are
 * requests; anything else reads as unknown.
 */
import type { CaseGateway } from '../cases/case-gateway';
import { readAllPages } from '../cases/read-all-pages';
import { toHttpProblem } from '../problems';
import { equals } from '../routes/visibility-query';
import type { ServiceData } from '../../config/load-service-data';
import type { Jurisdiction } from '../../workflows/engine/directory-model';
import { isWithinRegion } from '../../workflows/engine/directory';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { GeoRecord } from './georeport-document';
import { notFound } from './georeport-errors';
import { listedRequestRecord, listedStatusOf } from './listed-request';
import { MAX_REQUESTS, type RequestQuery } from './request-query';
import { serviceRequestRecord } from './request-status';
import type { ServiceCatalog } from './service-catalog';

const VIEWS_AT_ONCE = 8;

export interface RequestReader {
  /** The request, or undefined when it is unknown to this jurisdiction. */
  one(id: string, jurisdiction: Jurisdiction): Promise<GeoRecord | undefined>;
  /** The requests matching the query, newest first, at most MAX_REQUESTS. */
  list(query: RequestQuery, jurisdiction: Jurisdiction): Promise<GeoRecord[]>;
}

/** Reads through the case gateway; `timezone` is the zone of the instants listings write. */
export function createRequestReader(
  gateway: CaseGateway,
  service: ServiceData,
  catalog: ServiceCatalog,
  timezone: string,
): RequestReader {
  const inJurisdiction = (region: string, jurisdiction: Jurisdiction) =>
    isWithinRegion(service.directory, region, jurisdiction.region);
  const record = (view: CaseView, jurisdiction: Jurisdiction): GeoRecord | undefined => {
    const geo = catalog.byFlowId(view.flowId);
    if (geo === undefined || !inJurisdiction(view.region, jurisdiction)) return undefined;
    const flow = service.flows.get(view.flowId, view.flowVersion) ?? geo.flow;
    const language = jurisdiction.language ?? 'zh';
    return serviceRequestRecord(view, { service: geo, flow, directory: service.directory, language });
  };
  const one = async (id: string, jurisdiction: Jurisdiction) => {
    const view = await gateway.view(id).catch((error: unknown) => {
      if (toHttpProblem(error)?.status === 404) return undefined;
      throw error;
    });
    return view && record(view, jurisdiction);
  };
  return {
    one,
    async list(query, jurisdiction) {
      if (query.ids !== undefined) {
        const ids = query.ids;
        const found: (GeoRecord | undefined)[] = [];
        for (let start = 0; start < ids.length; start += VIEWS_AT_ONCE) {
          found.push(
            ...(await Promise.all(
              ids.slice(start, start + VIEWS_AT_ONCE).map((id) => one(id, jurisdiction)),
            )),
          );
        }
        return found.filter((item): item is GeoRecord => item !== undefined);
      }
      const codes = query.serviceCodes ?? catalog.services.map((geo) => geo.open311.serviceCode);
      const services = codes.map((code) => {
        const geo = catalog.byCode(code);
        if (geo === undefined) throw notFound(`service_code '${code}' was not found`);
        return geo;
      });
      if (services.length === 0) return [];
      const visibility = [
        `(${services.map((geo) => equals(SA.flowId, geo.flow.id)).join(' OR ')})`,
        equals(SA.regionPath, jurisdiction.region),
        `StartTime >= '${new Date(query.from).toISOString()}'`,
        `StartTime <= '${new Date(query.to).toISOString()}'`,
      ].join(' AND ');
      const pages = await readAllPages(gateway, visibility, Math.ceil(MAX_REQUESTS / 500));
      const language = jurisdiction.language ?? 'zh';
      return pages.items
        .filter((item) => query.statuses.includes(listedStatusOf(item)))
        .sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0))
        .slice(0, MAX_REQUESTS)
        .flatMap((item): [GeoRecord] | [] => {
          const geo = catalog.byFlowId(item.attributes.get(SA.flowId) ?? '');
          return geo === undefined
            ? []
            : [listedRequestRecord(item, { service: geo, directory: service.directory, language, timezone })];
        });
    },
  };
}
