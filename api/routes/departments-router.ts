/**
 * `GET /v1/departments/{dept}/tasks`, the inbox: the open cases waiting on the department (from visibility, up to
 * INBOX_MAX_CASES), the department's active or claimed steps from each case's memo, sorted soonest deadline first
 * across the whole inbox, then paged by position. No query per case.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { CaseListPage } from '../cases/case-gateway';
import { invalidPageToken, openPageToken, sealPageToken } from '../cases/page-tokens';
import { readAllPages } from '../cases/read-all-pages';
import { actorOf, canReadDepartmentTasks } from '../auth';
import { ForbiddenProblemError } from '../problems';
import { DepartmentIdSchema, InboxQuerySchema, type InboxItem } from '../schemas';
import { allOf, equals } from './visibility-query';
import { withRemainingWorkingTime } from './remaining-working-time';
import type { RouteDependencies } from './route-context';

const InboxParamsSchema = z.object({ dept: DepartmentIdSchema });

/** Cases read for one inbox at most, in visibility pages of INBOX_READ_SIZE. */
export const INBOX_MAX_CASES = 5_000;
const INBOX_READ_SIZE = 500;

function offsetOf(payload: Buffer): number {
  const offset = Number(payload.toString());
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalidPageToken();
  return offset;
}

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
    const query = allOf(clauses);
    const scope = `inbox:${query}`;
    const listed = await readAllPages(
      deps.gateway,
      query,
      INBOX_MAX_CASES / INBOX_READ_SIZE,
      INBOX_READ_SIZE,
    );
    if (listed.partial)
      deps.logger.warn({ dept }, 'Inbox longer than its bound; the oldest cases are left out');
    const all = listed.items.flatMap((item) => inboxItems(item, dept)).sort(byDueAt);
    const offset = pageToken === undefined ? 0 : offsetOf(openPageToken(scope, pageToken));
    const items = all
      .slice(offset, offset + pageSize)
      .map(withRemainingWorkingTime(deps.service, deps.now()));
    const next = offset + pageSize < all.length ? offset + pageSize : undefined;
    res.json({
      items,
      ...(next === undefined ? {} : { nextPageToken: sealPageToken(scope, Buffer.from(String(next))) }),
    });
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

/** Soonest deadline first; steps without a deadline last; ties in case and step order, so pages are stable. */
function byDueAt(a: InboxEntry, b: InboxEntry): number {
  const at = (item: InboxEntry) => (item.dueAt === undefined ? Infinity : Date.parse(item.dueAt));
  const order = at(a) - at(b);
  if (order !== 0 && !Number.isNaN(order)) return order;
  return a.caseId === b.caseId ? a.stepId.localeCompare(b.stepId) : a.caseId.localeCompare(b.caseId);
}
