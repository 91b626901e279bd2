/**
 * Calendars and their revisions (docs/calendar-revisions.md), for admins: `GET /v1/calendars` and
 * `GET /v1/calendars/{calendar}` answer each calendar as new cases now pin it and what its next revision starts
 * from; `POST /v1/calendars/{calendar}/revisions` publishes a new revision of a calendar: stored in the ledger, used
 * by new cases from then on (on every API instance, and after a restart), and sent to running cases by a durable
 * batch; `GET …/revisions/{revision}` follows it.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { checkCalendarSource } from '../../config/calendars/load-calendars';
import { calendarIdentityChanges, publicationProgress } from '../../workflows/engine/calendar-revision';
import type { CalendarPublicationRequest } from '../../workflows/engine/calendar-revision';
import {
  publishCalendarRevision,
  readCalendarRevision,
  type PublishedCalendar,
} from '../../ledger/calendar-revisions';
import { actorOf, requireRole } from '../auth';
import { calendarDigest, calendarSourceOf } from '../cases/published-calendars';
import { NotFoundProblemError, UnprocessableProblemError } from '../problems';
import {
  CalendarFileSchema,
  CalendarParamsSchema,
  CalendarRevisionParamsSchema,
  type CalendarRevisionBody,
  type CurrentCalendarBody,
} from '../schemas';
import { requestLogger, type RouteDependencies } from './route-context';

/** The calendar revision routes. */
export function createCalendarRevisionsRouter(deps: RouteDependencies): Router {
  const router = Router();
  const gate = requireRole('admin');
  const { calendars, flows } = deps.service;

  const notFound = (name: string) =>
    new NotFoundProblemError(`No calendar '${name}'`, {
      slug: 'calendar-not-found',
      title: 'Calendar not found',
    });

  /** The request of the publication of `published`: the flows with a version on its calendar. */
  const publicationOf = (published: PublishedCalendar): CalendarPublicationRequest => {
    const flowIds = [
      ...new Set(
        flows
          .list()
          .filter(({ id, version }) => flows.get(id, version)?.calendar === published.calendar.name)
          .map(({ id }) => id),
      ),
    ].sort();
    const publishedBy = { sub: published.publishedBy, role: 'admin' } as const;
    return {
      revision: { calendar: published.calendar, publishedBy, publishedAt: published.publishedAt },
      flowIds,
    };
  };

  const answer = async (
    published: PublishedCalendar,
    request?: CalendarPublicationRequest,
  ): Promise<CalendarRevisionBody> => {
    const { name, revision } = published.calendar;
    const publication = await deps.gateway.calendarPublication(name, revision).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    return {
      calendar: name,
      revision,
      digest: published.digest,
      publishedBy: published.publishedBy,
      publishedAt: new Date(published.publishedAt).toISOString(),
      publication:
        publication ?? (request === undefined ? null : publicationProgress(request, undefined, [])),
    };
  };

  /** The calendar as new cases now pin it, with what its next revision starts from; undefined if not served. */
  const currentOf = async (name: string): Promise<CurrentCalendarBody | undefined> => {
    const loaded = calendars.get(name);
    if (loaded === undefined) return undefined;
    const about = { calendar: name, timezone: loaded.timezone };
    if (loaded.revision === undefined) {
      const source = deps.service.calendarSources.get(name) ?? calendarSourceOf(loaded);
      return { ...about, revision: 0, source };
    }
    const published = await readCalendarRevision(deps.ledger, name, loaded.revision);
    if (published === undefined)
      throw new Error(`calendar '${name}' revision ${loaded.revision} is not in the ledger`);
    return {
      ...about,
      revision: loaded.revision,
      digest: published.digest,
      publishedBy: published.publishedBy,
      publishedAt: new Date(published.publishedAt).toISOString(),
      source: published.source ?? calendarSourceOf(published.calendar),
    };
  };

  router.get('/v1/calendars', gate, async (_req, res) => {
    await deps.published.catchUp();
    const names = [...calendars.keys()].sort();
    const items = await Promise.all(names.map(currentOf));
    res.json({ items: items.filter((item) => item !== undefined) });
  });

  router.get('/v1/calendars/:calendar', gate, async (req, res) => {
    const { calendar: name } = CalendarParamsSchema.parse(req.params);
    await deps.published.catchUp();
    const current = await currentOf(name);
    if (current === undefined) throw notFound(name);
    res.json(current);
  });

  router.post('/v1/calendars/:calendar/revisions', gate, async (req, res) => {
    const { calendar: name } = CalendarParamsSchema.parse(req.params);
    // The flows with a version on the calendar include those published on other instances.
    await deps.published.catchUp();
    const current = calendars.get(name);
    if (current === undefined) throw notFound(name);
    const checked = checkCalendarSource(req.body, name, { today: new Date(deps.now()) });
    if ('errors' in checked) throw new UnprocessableProblemError('The calendar is not valid', checked.errors);
    const changes = calendarIdentityChanges(current, checked.calendar);
    if (changes.length > 0)
      throw new UnprocessableProblemError('The revision changes more than days', changes);
    const actor = actorOf(res);
    const { published, created } = await publishCalendarRevision(deps.ledger, {
      calendar: checked.calendar,
      digest: calendarDigest(checked.calendar),
      publishedBy: actor.sub,
      publishedAt: deps.now(),
      // Valid as a calendar, so a map of its keys.
      source: CalendarFileSchema.parse(req.body),
    });
    calendars.set(name, published.calendar);
    const request = publicationOf(published);
    // Started again on a repeat too: a publication stored but never started (the API stopped in between) starts.
    await deps.gateway.startCalendarPublication(request);
    requestLogger(deps.logger, req, actor).info(
      { calendar: name, revision: published.calendar.revision, created, flows: request.flowIds },
      created ? 'Calendar revision published' : 'Calendar revision publication repeated',
    );
    res
      .status(created ? 201 : 200)
      .location(`/v1/calendars/${name}/revisions/${published.calendar.revision}`)
      .json(await answer(published, request));
  });

  router.get('/v1/calendars/:calendar/revisions/:revision', gate, async (req, res) => {
    const { calendar: name, revision } = CalendarRevisionParamsSchema.parse(req.params);
    const published = await readCalendarRevision(deps.ledger, name, revision);
    if (published === undefined) {
      throw new NotFoundProblemError(`Calendar '${name}' has no revision ${revision}`, {
        slug: 'calendar-revision-not-found',
        title: 'Calendar revision not found',
      });
    }
    res.json(await answer(published));
  });

  return router;
}
