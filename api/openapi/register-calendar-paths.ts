/** The calendar revision routes: publish a revision (and send it to running cases), and follow it. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
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
