/**
 * `GET /v1/departments/{dept}/tasks`, the inbox, from the case ledger: the active or claimed steps assigned to the
 * department in open cases, soonest deadline first across the whole inbox (no cap on its length), keyset-paged,
 * each with its remaining working time on the calendar its case pinned. A department the directory does not know, with
 * nothing in the ledger either, is a 404 (a mistyped id is not an empty inbox); one dropped from the directory
 * while it still holds steps keeps its inbox.
 */
import { Router } from 'express';
import { z } from 'zod';
import { departmentInbox } from '../../ledger';
import { actorOf, canReadDepartmentTasks } from '../auth';
import { cursorValues, pageBody } from '../ledger/ledger-cursor';
import { ForbiddenProblemError, NotFoundProblemError } from '../problems';
import { DepartmentIdSchema, InboxQuerySchema } from '../schemas';
import type { RouteDependencies } from './route-context';

const InboxParamsSchema = z.object({ dept: DepartmentIdSchema });

/** The inbox route. */
export function createDepartmentsRouter(deps: RouteDependencies): Router {
  const router = Router();
  router.get('/v1/departments/:dept/tasks', async (req, res) => {
    const actor = actorOf(res);
    const { dept } = InboxParamsSchema.parse(req.params);
    const { pageSize, pageToken } = InboxQuerySchema.parse(req.query);
    if (!canReadDepartmentTasks(actor, dept)) {
      throw new ForbiddenProblemError(`You may not read the tasks of '${dept}'`, { slug: 'inbox-not-yours' });
    }
    // A supervisor sees the department's tasks within its own region only.
    const region = actor.role === 'supervisor' ? actor.region : undefined;
    const scope = `inbox:${dept}:${region ?? ''}`;
    const after =
      pageToken === undefined
        ? undefined
        : cursorValues(scope, pageToken, ['number', 'string', 'string'] as const);
    const now = deps.now();
    const page = await departmentInbox(deps.ledger, {
      department: dept,
      ...(region === undefined ? {} : { region }),
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
      now,
    });
    const known = deps.service.directory.departments.some((department) => department.id === dept);
    if (!known && after === undefined && page.items.length === 0) {
      throw new NotFoundProblemError(`No department '${dept}' in the directory`, {
        slug: 'department-not-found',
      });
    }
    res.json(pageBody(scope, page));
  });
  return router;
}
