/**
 * Reading one case for `GET /v1/cases/{caseId}` and its timeline: from Temporal while it knows the case and a
 * worker answers, from the ledger once Temporal has forgotten it (closed and past the namespace's retention), when
 * its workflow was closed outside the engine, and when no worker answers in time (api/ledger/case-view-or-record.ts;
 * the route marks such an answer). A department also sees a case it has held a step of before (改派 away, or
 * closed), as the ledger remembers.
 */
import { readCaseEvents, readCaseRecord, timelineOfEvents, type CaseRecord } from '../../ledger';
import type { CaseView, TimelineEntry } from '../../workflows/engine/case/case-view';
import { canSeeCase, type Actor } from '../auth';
import type { JsonAnswer } from '../cases/json-answer';
import { ForbiddenProblemError } from '../problems';
import { caseFactsOf } from '../routes/case-access';
import { regionWithin, type RouteDependencies } from '../routes/route-context';
import { viewOrRecord } from './case-view-or-record';

/** A read answers from the ledger's record when the workflow does not. */
const READ = { recordWhenUnanswered: true } as const;

/** What a read answers, and the ledger's record when the answer was built from it (the route marks it). */
export interface CaseRead<T> {
  readonly answer: T;
  readonly record?: CaseRecord;
}

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
): Promise<CaseRead<JsonAnswer<CaseView>>> {
  const { view, record } = await viewOrRecord(deps, caseId, READ);
  await assertVisible(deps, actor, view, record);
  return { answer: view, ...(record === undefined ? {} : { record }) };
}

/** The case's timeline, when the actor may see the case: Temporal's, else the ledger's events. */
export async function readableTimeline(
  deps: RouteDependencies,
  caseId: string,
  actor: Actor,
): Promise<CaseRead<TimelineEntry[]>> {
  const { view, record } = await viewOrRecord(deps, caseId, READ);
  await assertVisible(deps, actor, view, record);
  if (record === undefined) return { answer: await deps.gateway.timeline(caseId) };
  const events = await readCaseEvents(deps.ledger, caseId);
  return { answer: timelineOfEvents(events, record.snapshot.timezone), record };
}

/** The view of a case whose start was repeated (no visibility check: the request that started it is the caller's). */
export async function repeatedStartView(
  deps: RouteDependencies,
  caseId: string,
): Promise<CaseRead<JsonAnswer<CaseView>>> {
  const { view, record } = await viewOrRecord(deps, caseId, READ);
  return { answer: view, ...(record === undefined ? {} : { record }) };
}
