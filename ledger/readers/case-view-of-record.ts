/**
 * The API's case view and timeline rebuilt from the ledger: for a case Temporal no longer knows (closed and past
 * the namespace's retention), closed outside the engine, or whose workflow no worker answers in time
 * (api/ledger/case-view-or-record.ts). Same shapes as the engine's view; step results, a step's form answers and
 * the case's metrics are not kept (docs/api.md, "Answered from the ledger").
 */
import type { CaseView, StepView, TimelineEntry } from '../../workflows/engine/case/case-view';
import type { LedgerEvent, LedgerSnapshot, LedgerStep } from '../../workflows/engine/case/ledger-snapshot';
import { formatInstant } from '../../workflows/engine/time';

/** The instant the case's clocks have reached at `now`: they stand still while it is suspended. */
function clockOfRecord(snapshot: LedgerSnapshot, now: number): number {
  return snapshot.status === 'suspended' && snapshot.suspendedAt !== undefined
    ? Math.min(now, snapshot.suspendedAt)
    : now;
}

/**
 * Whether the case of the record is past its whole-case deadline at `now`, as the engine says of an open or
 * suspended case (during review: whether it was resolved late); never for a closed one.
 */
export function isRecordOverdue(snapshot: LedgerSnapshot, now: number): boolean {
  if (snapshot.dueAt === undefined || (snapshot.status !== 'open' && snapshot.status !== 'suspended')) {
    return false;
  }
  const clock = clockOfRecord(snapshot, now);
  const measured = snapshot.review?.status === 'open' ? (snapshot.resolvedAt ?? clock) : clock;
  return measured > snapshot.dueAt;
}

function stepView(snapshot: LedgerSnapshot, step: LedgerStep, now: number): StepView {
  const at = (ms: number | undefined) =>
    ms === undefined ? undefined : formatInstant(ms, snapshot.timezone);
  const running = step.status === 'active' || step.status === 'claimed';
  const clock = clockOfRecord(snapshot, now);
  const overdue =
    !step.parked &&
    step.dueAt !== undefined &&
    ((running && clock > step.dueAt) ||
      (step.status === 'completed' && (step.completedAt ?? 0) > step.dueAt));
  const fields: Record<string, unknown> = {
    assignee:
      step.department === undefined
        ? undefined
        : {
            department: step.department,
            ...(step.role === undefined ? {} : { role: step.role }),
            ...(step.level === undefined ? {} : { level: step.level }),
          },
    activatedAt: at(step.activatedAt),
    claimedAt: at(step.claimedAt),
    completedAt: at(step.completedAt),
    dueAt: at(step.dueAt),
    dueExplanation: step.dueExplanation,
    dueExplanationZh: step.dueExplanationZh,
    dueProvisional: step.dueProvisional,
    incident: step.incident && { at: at(step.incident.at), error: step.incident.error },
    request: step.request && {
      kind: step.request.kind,
      reason: step.request.reason,
      ...(step.request.until === undefined ? {} : { until: at(step.request.until) }),
    },
    parked: step.parked || undefined,
    onTime: step.onTime,
  };
  return {
    id: step.id,
    title: step.title,
    ...(step.titleEn === undefined ? {} : { titleEn: step.titleEn }),
    stage: step.stage,
    kind: step.kind,
    status: step.status,
    overdue,
    round: step.round,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}

/** The case view of a ledger record at `now`. */
export function caseViewOfRecord(snapshot: LedgerSnapshot, overdue: boolean, now: number): CaseView {
  const at = (ms: number) => formatInstant(ms, snapshot.timezone);
  return {
    caseId: snapshot.caseId,
    flowId: snapshot.flowId,
    flowVersion: snapshot.flowVersion,
    ...(snapshot.profile === undefined ? {} : { profile: snapshot.profile }),
    ...(snapshot.title === undefined ? {} : { title: snapshot.title }),
    region: snapshot.region,
    priority: snapshot.priority,
    status: snapshot.status,
    stage: snapshot.stage,
    emergencyLevel: snapshot.emergencyLevel,
    createdAt: at(snapshot.createdAt),
    ...(snapshot.closedAt === undefined ? {} : { closedAt: at(snapshot.closedAt) }),
    ...(snapshot.dueAt === undefined
      ? {}
      : {
          dueAt: at(snapshot.dueAt),
          ...optionalText('dueExplanation', snapshot.dueExplanation),
          ...optionalText('dueExplanationZh', snapshot.dueExplanationZh),
          ...optionalText('dueProvisional', snapshot.dueProvisional),
        }),
    overdue,
    ...(snapshot.suspendedAt === undefined ? {} : { suspendedAt: at(snapshot.suspendedAt) }),
    data: snapshot.data,
    steps: snapshot.steps.map((step) => stepView(snapshot, step, now)),
    ...(snapshot.review === undefined
      ? {}
      : {
          review: {
            status: snapshot.review.status,
            windowClosesAt: at(snapshot.review.windowClosesAt),
            feedbackCount: snapshot.review.feedbackCount,
          },
        }),
  };
}

/** The timeline entries of the ledger's events, in the case's zone. */
export function timelineOfEvents(events: readonly LedgerEvent[], timezone: string): TimelineEntry[] {
  return events.map((event) => ({
    at: formatInstant(event.at, timezone),
    type: event.type,
    ...(event.stepId === undefined ? {} : { stepId: event.stepId }),
    actor: event.actor,
    detail: event.detail,
  }));
}

function optionalText<K extends 'dueExplanation' | 'dueExplanationZh' | 'dueProvisional'>(
  key: K,
  value: string | undefined,
): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
