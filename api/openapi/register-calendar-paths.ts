/**
 * The calendar routes: the calendars as new cases pin them, publish a revision (and send it to running cases), and
 * follow it.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  CurrentCalendarSchema,
  CalendarFileSchema,
  CalendarParamsSchema,
  CalendarRevisionParamsSchema,
  CalendarRevisionSchema,
} from '../schemas';
import { jsonBody, jsonResponse, problems } from './openapi-responses';

const TAG = ['Calendars'];
const WHO = 'Roles: admin.';

export function registerCalendarPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/calendars',
    tags: TAG,
    summary:
      'Every calendar the API serves, as new cases now pin it, with what its next revision starts from',
    description: WHO,
    responses: {
      200: jsonResponse(z.object({ items: z.array(CurrentCalendarSchema) }), 'The calendars, by name'),
      ...problems(403, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/calendars/{calendar}',
    tags: TAG,
    summary:
      'A calendar as new cases now pin it (its latest revision, or its file), with what its next revision starts from',
    description: WHO,
    request: { params: CalendarParamsSchema },
    responses: {
      200: jsonResponse(CurrentCalendarSchema, 'The calendar'),
      ...problems(400, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/calendars/{calendar}/revisions',
    tags: TAG,
    summary:
      "Publish a calendar's next revision: new cases start on it, running cases get its days ahead (a durable batch)",
    description: `${WHO} The same content as the latest revision answers it (200) and runs its batch again once the last one has completed.`,
    request: { params: CalendarParamsSchema, ...jsonBody(CalendarFileSchema) },
    responses: {
      201: jsonResponse(CalendarRevisionSchema, 'Published; follow its batch at the Location'),
      200: jsonResponse(CalendarRevisionSchema, 'The latest revision has this content already'),
      ...problems(400, 403, 404, 422, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/calendars/{calendar}/revisions/{revision}',
    tags: TAG,
    summary: 'A published revision and the progress of its batch over running cases',
    description: WHO,
    request: { params: CalendarRevisionParamsSchema },
    responses: {
      200: jsonResponse(CalendarRevisionSchema, 'The revision'),
      ...problems(400, 403, 404, 503),
    },
  });
}
