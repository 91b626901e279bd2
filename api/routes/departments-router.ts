/**
 * `GET /v1/departments/{dept}/tasks`, the inbox: a page of open cases waiting on the department (from visibility),
 * then each case's view for the department's active or claimed steps, soonest deadline first.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { actorOf, canReadDepartmentTasks } from '../auth';
import { ForbiddenProblemError } from '../problems';
import { DepartmentIdSchema, InboxQuerySchema, type InboxItem } from '../schemas';
import { allOf, equals } from './visibility-query';
import type { RouteDependencies } from './route-context';

const InboxParamsSchema = z.object({ dept: DepartmentIdSchema });

/** An inbox item; `title` is the step's title as the case view shows it (the engine's display string). */
export type InboxEntry = Omit<InboxItem, 'title'> & { title: string };

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
    const clauses = [equals(SA.waitingOn, dept), equals(SA.status, 'open')];
    // A supervisor sees the department's tasks within its own region only.
    if (actor.role === 'supervisor' && actor.region !== undefined)
      clauses.push(equals(SA.regionPath, actor.region));
    const page = await deps.gateway.list(allOf(clauses), pageSize, pageToken);
    const views = await Promise.all(page.items.map((item) => deps.gateway.view(item.caseId)));
    const items = views.flatMap((view) => inboxItems(view, dept)).sort(byDueAt);
    res.json({ items, ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }) });
  });
  return router;
}

/** The department's active or claimed steps of one case. */
export function inboxItems(view: CaseView, dept: string): InboxEntry[] {
  return view.steps.flatMap((step) =>
    step.assignee?.department === dept && (step.status === 'active' || step.status === 'claimed')
      ? [
          {
            caseId: view.caseId,
            stepId: step.id,
            title: step.title,
            stage: step.stage,
            status: step.status,
            ...(step.dueAt === undefined ? {} : { dueAt: step.dueAt }),
            overdue: step.overdue,
            region: view.region,
            flowId: view.flowId,
          },
        ]
      : [],
  );
}

/** Soonest deadline first; steps without a deadline last. */
function byDueAt(a: InboxEntry, b: InboxEntry): number {
  const at = (item: InboxEntry) => (item.dueAt === undefined ? Infinity : Date.parse(item.dueAt));
  return at(a) - at(b);
}
