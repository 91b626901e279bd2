/**
 * Reading one case for `GET /v1/cases/{caseId}` and its timeline: from Temporal while it knows the case, from the
 * ledger once it has forgotten it (closed and past the namespace's retention) or when its workflow was closed
 * outside the engine (api/ledger/case-view-or-record.ts). A department also sees a case it
 * has held a step of before (改派 away, or closed), as the ledger remembers.
 */
import { readCaseEvents, readCaseRecord, timelineOfEvents, type CaseRecord } from '../../ledger';
import type { CaseView, TimelineEntry } from '../../workflows/engine/case/case-view';
import { canSeeCase, type Actor } from '../auth';
import type { JsonAnswer } from '../cases/json-answer';
import { ForbiddenProblemError } from '../problems';
import { caseFactsOf } from '../routes/case-access';
import { regionWithin, type RouteDependencies } from '../routes/route-context';
import { viewOrRecord } from './case-view-or-record';

async function assertVisible(
  deps: RouteDependencies,
  actor: Actor,
  answer: JsonAnswer<CaseView>,
  record: CaseRecord | undefined,
): Promise<void> {
  const view = answer.value();
  const facts = caseFactsOf(view);
  if (canSeeCase(actor, facts, regionWithin(deps.service))) return;
  if (actor.role === 'department' && actor.dept !== undefined) {
    const known = record ?? (await readCaseRecord(deps.ledger, view.caseId));
    if (known?.departments.includes(actor.dept)) return;
  }
  throw new ForbiddenProblemError(`You may not see case '${view.caseId}'`, { slug: 'case-not-visible' });
}

/**
 * The case view (its JSON, to send as it is), when the actor may see it; 404 unknown to both Temporal and the
 * ledger, 403 not allowed.
 */
export async function readableCase(
  deps: RouteDependencies,
  caseId: string,
  actor: Actor,
): Promise<JsonAnswer<CaseView>> {
  const { view, record } = await viewOrRecord(deps, caseId);
  await assertVisible(deps, actor, view, record);
  return view;
}

/** The case's timeline, when the actor may see the case: Temporal's, else the ledger's events. */
export async function readableTimeline(
  deps: RouteDependencies,
  caseId: string,
  actor: Actor,
): Promise<TimelineEntry[]> {
  const { view, record } = await viewOrRecord(deps, caseId);
  await assertVisible(deps, actor, view, record);
  if (record === undefined) return deps.gateway.timeline(caseId);
  return timelineOfEvents(await readCaseEvents(deps.ledger, caseId), record.snapshot.timezone);
}
