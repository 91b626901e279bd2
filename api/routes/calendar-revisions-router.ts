/**
 * Calendar revisions (docs/calendar-revisions.md): `POST /v1/calendars/{calendar}/revisions` publishes a new
 * revision of a calendar (admins): stored in the ledger, used by new cases from then on (on every API instance, and
 * after a restart), and sent to running cases by a durable batch; `GET …/revisions/{revision}` follows it.
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
import { calendarDigest } from '../cases/published-calendars';
import { NotFoundProblemError, UnprocessableProblemError } from '../problems';
import { CalendarParamsSchema, CalendarRevisionParamsSchema, type CalendarRevisionBody } from '../schemas';
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

  router.post('/v1/calendars/:calendar/revisions', gate, async (req, res) => {
    const { calendar: name } = CalendarParamsSchema.parse(req.params);
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
