/**
 * Reads service requests from the case ledger: a listing by service, time and status within a jurisdiction is one
 * search per offered flow (the jurisdiction's region subtree) and one read of the stored snapshots; requests by id
 * are the snapshots of those ids. A request the ledger has not seen yet (filed a moment ago) is read from its case
 * in Temporal, with the same rules (request-status.ts), so a client can follow it at once. Only cases of a flow
 * offered as a service and lying in the jurisdiction's region are requests; anything else reads as unknown.
 */
import type { ServiceData } from '../../config/load-service-data';
import {
  caseViewOfRecord,
  readCaseSnapshots,
  searchCases,
  type CaseListing,
  type Ledger,
} from '../../ledger';
import type { CaseView } from '../../workflows/engine/case/case-view';
import type { LedgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import { isWithinRegion } from '../../workflows/engine/directory';
import type { Jurisdiction } from '../../workflows/engine/directory-model';
import type { Flow } from '../../workflows/engine/flow-model';
import { parseInstant } from '../../workflows/engine/time';
import type { CaseGateway } from '../cases/case-gateway';
import { toHttpProblem } from '../problems';
import type { GeoRecord } from './georeport-document';
import { notFound } from './georeport-errors';
import { MAX_REQUESTS, type RequestQuery } from './request-query';
import {
  geoStatusOf,
  publicNotesOfSnapshot,
  publicNotesOfView,
  serviceRequestRecord,
  type PublicNote,
} from './request-status';
import type { GeoService, ServiceCatalog } from './service-catalog';

/** Cases per search page while collecting a listing. */
const PAGE = 500;
/** Requests read from Temporal at once (ids the ledger does not know: just filed, or made up). */
const VIEWS_AT_ONCE = 8;

export interface RequestReader {
  /** The request, or undefined when it is unknown to this jurisdiction. */
  one(id: string, jurisdiction: Jurisdiction): Promise<GeoRecord | undefined>;
  /** The requests matching the query, newest first, at most MAX_REQUESTS. */
  list(query: RequestQuery, jurisdiction: Jurisdiction): Promise<GeoRecord[]>;
}

export interface RequestReaderDependencies {
  readonly ledger: Ledger;
  readonly gateway: CaseGateway;
  readonly service: ServiceData;
  readonly catalog: ServiceCatalog;
  /** The clock (epoch ms). */
  readonly now: () => number;
}

/** The newest cases of one offered flow in the jurisdiction matching the query, at most MAX_REQUESTS. */
async function listedCases(
  deps: RequestReaderDependencies,
  geo: GeoService,
  query: RequestQuery,
  jurisdiction: Jurisdiction,
): Promise<CaseListing[]> {
  const found: CaseListing[] = [];
  let after: [number, string] | undefined;
  do {
    const page = await searchCases(deps.ledger, {
      flowId: geo.flow.id,
      region: jurisdiction.region,
      openedFrom: query.from,
      openedTo: query.to + 1,
      sort: 'openedAt',
      order: 'desc',
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
      now: deps.now(),
    });
    found.push(...page.items.filter((item) => query.statuses.includes(geoStatusOf(item))));
    after = page.next;
  } while (after !== undefined && found.length < MAX_REQUESTS);
  return found.slice(0, MAX_REQUESTS);
}

/** Reads through the ledger, and through the case gateway for requests the ledger has not seen yet. */
export function createRequestReader(deps: RequestReaderDependencies): RequestReader {
  const { service, catalog } = deps;
  /** `notesOf` reads the view's public notes, given the flow version the case runs. */
  const record = (view: CaseView, notesOf: (flow: Flow) => PublicNote[], place: Jurisdiction) => {
    const geo = catalog.byFlowId(view.flowId);
    if (geo === undefined || !isWithinRegion(service.directory, view.region, place.region)) return undefined;
    const flow = service.flows.get(view.flowId, view.flowVersion) ?? geo.flow;
    const language = place.language ?? 'zh';
    return serviceRequestRecord(view, notesOf(flow), {
      service: geo,
      flow,
      directory: service.directory,
      language,
    });
  };
  const ofSnapshot = (snapshot: LedgerSnapshot, place: Jurisdiction) =>
    record(caseViewOfRecord(snapshot, false, deps.now()), () => publicNotesOfSnapshot(snapshot), place);
  const fromTemporal = async (id: string, place: Jurisdiction) => {
    const view = await deps.gateway.view(id).then(
      (answer) => answer.value(),
      (error: unknown) => {
        if (toHttpProblem(error)?.status === 404) return undefined;
        throw error;
      },
    );
    return view && record(view, (flow) => publicNotesOfView(view, flow), place);
  };
  /** In the order of `ids`. */
  const byIds = async (ids: readonly string[], place: Jurisdiction) => {
    const stored = new Map((await readCaseSnapshots(deps.ledger, ids)).map((s) => [s.caseId, s]));
    const unseen = ids.filter((id) => !stored.has(id));
    const read = new Map<string, GeoRecord | undefined>();
    for (let start = 0; start < unseen.length; start += VIEWS_AT_ONCE) {
      const chunk = unseen.slice(start, start + VIEWS_AT_ONCE);
      const records = await Promise.all(chunk.map((id) => fromTemporal(id, place)));
      chunk.forEach((id, i) => read.set(id, records[i]));
    }
    return ids.flatMap((id) => {
      const snapshot = stored.get(id);
      const found = snapshot === undefined ? read.get(id) : ofSnapshot(snapshot, place);
      return found === undefined ? [] : [found];
    });
  };
  return {
    one: async (id, place) => (await byIds([id], place))[0],
    async list(query, place) {
      if (query.ids !== undefined) return byIds(query.ids, place);
      const codes = query.serviceCodes ?? catalog.services.map((geo) => geo.open311.serviceCode);
      const services = codes.map((code) => {
        const geo = catalog.byCode(code);
        if (geo === undefined) throw notFound(`service_code '${code}' was not found`);
        return geo;
      });
      const listed = (await Promise.all(services.map((geo) => listedCases(deps, geo, query, place)))).flat();
      const newest = listed
        .sort((a, b) => parseInstant(b.createdAt) - parseInstant(a.createdAt))
        .slice(0, MAX_REQUESTS)
        .map((item) => item.caseId);
      return byIds(newest, place);
    },
  };
}
