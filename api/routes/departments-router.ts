/**
 * `GET /v1/departments/{dept}/tasks`, the inbox: a page of open cases waiting on the department (from visibility),
 * with the department's active or claimed steps from each case's memo, soonest deadline first. No query per case.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { CaseListPage } from '../cases/case-gateway';
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
    const items = page.items.flatMap((item) => inboxItems(item, dept)).sort(byDueAt);
    res.json({ items, ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }) });
  });
  return router;
}

/** The department's active or claimed steps of one listed case, from its memo. */
export function inboxItems(item: CaseListPage['items'][number], dept: string): InboxEntry[] {
  const region = item.attributes.get(SA.region) ?? '';
  const flowId = item.attributes.get(SA.flowId) ?? '';
  return (item.memo.openSteps ?? [])
    .filter((step) => step.department === dept)
    .map((step) => ({
      caseId: item.caseId,
      stepId: step.stepId,
      title: step.title,
      stage: step.stage as InboxEntry['stage'],
      status: step.status,
      ...(step.dueAt === undefined ? {} : { dueAt: step.dueAt }),
      overdue: step.overdue,
      region,
      flowId,
    }));
}

/** Soonest deadline first; steps without a deadline last. */
function byDueAt(a: InboxEntry, b: InboxEntry): number {
  const at = (item: InboxEntry) => (item.dueAt === undefined ? Infinity : Date.parse(item.dueAt));
  return at(a) - at(b);
}
