/**
 * Open311 GeoReport v2 at `/open311/v2`: service discovery, the services (flows with an `open311` block) and
 * their definitions, filing a request (a case, started as the api_key's intake identity in the region its point
 * lies in) and following requests. Each resource ends in `.xml` or `.json`; errors are GeoReport error lists.
 * GETs are public; `POST requests` needs an api_key. Every request is rate-limited: per key, else per client IP.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { RateLimitOverrides } from '../../config/rate-limits';
import type { ServiceData } from '../../config/load-service-data';
import type { Ledger } from '../../ledger';
import { isWithinRegion } from '../../workflows/engine/directory';
import { actorOf } from '../auth';
import { buildCaseInput } from '../cases/build-case-input';
import { newCaseId } from '../cases/new-case-id';
import type { PublicationFollower } from '../cases/publication-follower';
import type { CaseGateway } from '../cases/case-gateway';
import { createRateLimiter, requireMediaType } from '../limits';
import { engineActor, requestLogger } from '../routes/route-context';
import { decimalOf } from '../schemas/decimal-text';
import type { ApiKeyStore } from './api-keys';
import {
  CONTENT_TYPES,
  renderGeoDocument,
  type GeoDocument,
  type GeoFormat,
  type GeoRecord,
} from './georeport-document';
import {
  badRequest,
  createGeoReportErrorHandler,
  forbidden,
  geoReportNotFound,
  notFound,
} from './georeport-errors';
import { locateRegion, type GeoPoint } from './locate-region';
import { requestData } from './request-data';
import {
  createRequestFormParser,
  FORM_MEDIA_TYPE,
  readRequestForm,
  type PostRequestForm,
} from './request-form';
import { jurisdictionOf, queryText, readRequestQuery } from './request-query';
import { createRequestReader } from './request-reader';
import { createServiceCatalog, textIn } from './service-catalog';
import {
  discoveryDocument,
  filedRequestDocument,
  serviceDefinitionDocument,
  serviceListDocument,
} from './service-answers';

export const OPEN311_BASE = '/open311/v2';

export interface Open311Dependencies {
  readonly gateway: CaseGateway;
  /** The case ledger, which requests are read from. */
  readonly ledger: Ledger;
  readonly service: ServiceData;
  /** Brings `service.calendars` and `service.flows` to what the ledger has published, before a case starts. */
  readonly published: PublicationFollower;
  readonly apiKeys: ApiKeyStore;
  readonly logger: Logger;
  readonly bodyLimit: string;
  readonly rateLimit: { readonly limit: number; readonly overrides?: RateLimitOverrides };
  /** The clock (epoch ms). */
  readonly now: () => number;
}

/** The router; mount it beside `/v1`. */
export function createOpen311Router(deps: Open311Dependencies): Router {
  const { service } = deps;
  const catalog = createServiceCatalog(service.flows);
  const reader = createRequestReader({ ...deps, catalog });
  const changeset = new Date(deps.now()).toISOString();
  const limit = createRateLimiter(deps.rateLimit);
  const jurisdiction = (req: Request) =>
    jurisdictionOf(service.directory, queryText(req.query, 'jurisdiction_id'));
  const router = Router();
  // Checked before anything else runs, so that a request for another format never files a case.
  router.param('format', (_req, _res, next, format: string) => {
    next(
      format === 'xml' || format === 'json'
        ? undefined
        : notFound(`no format '${format}': use .xml or .json`),
    );
  });

  router.get(`${OPEN311_BASE}/discovery.:format`, limit, (req, res) => {
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${OPEN311_BASE}`;
    send(req, res, discoveryDocument(url, changeset));
  });

  router.get(`${OPEN311_BASE}/services.:format`, limit, async (req, res) => {
    await deps.published.catchUp();
    send(req, res, serviceListDocument(catalog.services, jurisdiction(req).language ?? 'zh'));
  });

  router.get(`${OPEN311_BASE}/services/:service_code.:format`, limit, async (req, res) => {
    await deps.published.catchUp();
    const { language = 'zh' } = jurisdiction(req);
    const geo = catalog.byCode(String(req.params['service_code']));
    if (geo === undefined)
      throw notFound(`service_code '${String(req.params['service_code'])}' was not found`);
    send(req, res, serviceDefinitionDocument(geo, language));
  });

  router.post(
    `${OPEN311_BASE}/requests.:format`,
    requireMediaType(FORM_MEDIA_TYPE),
    createRequestFormParser(deps.bodyLimit),
    identifyApiKey(deps.apiKeys),
    limit,
    async (req, res) => {
      const read = readRequestForm(req.body);
      if ('problems' in read) throw badRequest(...read.problems);
      const { form } = read;
      const actor = actorOf(res);
      const place = jurisdictionOf(service.directory, form.jurisdiction_id);
      // The services and calendars as published, on whichever instance: before the service is looked up.
      await deps.published.catchUp();
      const geo = catalog.byCode(form.service_code);
      if (geo === undefined) throw notFound(`service_code '${form.service_code}' was not found`);
      const point = pointOf(form);
      const region = locateRegion(service.directory, place, point);
      if (!isWithinRegion(service.directory, region, actor.region ?? '')) {
        throw forbidden(`this api_key may not file requests in region ${region}`);
      }
      const regionName = service.directory.regions.find((entry) => entry.code === region)?.name ?? region;
      const built = requestData(geo, form, { ...(point ? { point } : {}), regionName });
      if ('problems' in built) throw badRequest(...built.problems);
      const fields = {
        caseId: newCaseId(req, actor),
        flowId: geo.flow.id,
        flowVersion: geo.flow.version,
        region,
        data: built.data,
      };
      // A retry under the same Idempotency-Key is told from another request by the form as sent (its api_key
      // aside: the key's subject is already in the case id), not by what this deployment made of it.
      const sent = { caseId: fields.caseId, form: { ...form, api_key: undefined } };
      const { created } = await deps.gateway.start(buildCaseInput(service, fields, engineActor(actor)), sent);
      const log = requestLogger(deps.logger, req, actor, fields.caseId);
      if (created) {
        log.info(
          { flowId: geo.flow.id, flowVersion: geo.flow.version, serviceCode: geo.open311.serviceCode },
          'Case started',
        );
      } else log.info('Case start repeated; nothing new started');
      const format = formatOf(req);
      res.location(`${OPEN311_BASE}/requests/${fields.caseId}.${format}`);
      send(
        req,
        res.status(created ? 201 : 200),
        filedRequestDocument(fields.caseId, textIn(geo.open311.notice, place.language ?? 'zh')),
      );
    },
  );

  router.get(`${OPEN311_BASE}/requests.:format`, limit, async (req, res) => {
    const query = readRequestQuery(req.query, deps.now());
    send(req, res, requestsDocument(await reader.list(query, jurisdiction(req))));
  });

  router.get(`${OPEN311_BASE}/requests/:service_request_id.:format`, limit, async (req, res) => {
    const id = String(req.params['service_request_id']);
    const found = await reader.one(id, jurisdiction(req));
    if (found === undefined) throw notFound(`service_request_id '${id}' was not found`);
    send(req, res, requestsDocument([found]));
  });

  router.get(`${OPEN311_BASE}/tokens/:token.:format`, limit, (req) => {
    throw notFound(
      `token '${String(req.params['token'])}' was not found: requests here answer their id at once`,
    );
  });

  router.use(OPEN311_BASE, geoReportNotFound);
  router.use(OPEN311_BASE, createGeoReportErrorHandler(deps.logger));
  return router;
}

/** Puts the api_key's intake identity on the response (for the rate limiter, the audit trail and the logs); 403 without one. */
function identifyApiKey(keys: ApiKeyStore): RequestHandler {
  return (req, res, next) => {
    const given: unknown = (req.body as Record<string, unknown> | undefined)?.['api_key'];
    const actor = keys.identify(typeof given === 'string' ? given : undefined);
    if (actor === undefined) {
      next(forbidden(given === undefined || given === '' ? 'api_key is required' : 'api_key is not valid'));
      return;
    }
    res.locals['actor'] = actor;
    next();
  };
}

function pointOf(form: PostRequestForm): GeoPoint | undefined {
  if (form.lat === undefined && form.long === undefined) {
    if (form.address_string === undefined && form.address_id === undefined) {
      throw badRequest('a location is required: lat and long, address_string or address_id');
    }
    return undefined;
  }
  const lat = degrees(form.lat);
  const long = degrees(form.long);
  const problems = [
    ...(form.lat === undefined || !Number.isFinite(lat) || Math.abs(lat) > 90
      ? ['lat: must be a latitude (WGS84) with long']
      : []),
    ...(form.long === undefined || !Number.isFinite(long) || Math.abs(long) > 180
      ? ['long: must be a longitude (WGS84) with lat']
      : []),
  ];
  if (problems.length > 0) throw badRequest(...problems);
  // (0, 0) is in the Gulf of Guinea: what a phone without a position fix sends, never where a report is.
  if (lat === 0 && long === 0) {
    if (form.address_string === undefined && form.address_id === undefined) {
      throw badRequest(
        'lat, long: 0, 0 is no position (a device without a fix): give lat and long, address_string or address_id',
      );
    }
    return undefined;
  }
  return { lat, long };
}

/** Decimal degrees (`23.124`, `-0.5`); NaN for anything else (`Number` would read ' ' as 0 and '0x17' as 23). */
function degrees(text: string | undefined): number {
  return (text === undefined ? undefined : decimalOf(text)) ?? Number.NaN;
}

function requestsDocument(records: readonly GeoRecord[]): GeoDocument {
  return { root: 'service_requests', body: { item: 'request', items: records } };
}

function formatOf(req: Request): GeoFormat {
  return req.params['format'] === 'json' ? 'json' : 'xml';
}

function send(req: Request, res: Response, document: GeoDocument): void {
  const format = formatOf(req);
  res.type(CONTENT_TYPES[format]).send(renderGeoDocument(document, format));
}
