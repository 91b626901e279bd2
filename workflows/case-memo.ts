/**
 * The case memo: each open task's title, stage and deadline (no case data, no personal data), once returned by
 * visibility listings for inboxes. Inboxes read the ledger now and nothing reads the memo; a case of engine
 * revision 2 or earlier still upserts it when it changes (replay needs the same commands), a case of revision 3
 * keeps none (only the start request's fingerprint the API sets at start, api/cases/case-gateway.ts).
 */
import { clockNow } from './engine/case/case-clock';
import type { CaseState } from './engine/case/case-state';
import { viewedSteps } from './engine/case/case-view';
import { stageOf, stepTitle } from './engine/case/flow-graph';
import { isOverdue } from './engine/case/step-view';
import { formatInstant } from './engine/time';

/** One active or claimed step, as an inbox shows it. */
export interface OpenStepMemo {
  readonly stepId: string;
  readonly title: string;
  readonly stage: string;
  readonly status: 'active' | 'claimed';
  readonly department: string;
  readonly dueAt?: string;
  readonly overdue: boolean;
}

export interface CaseMemo {
  readonly openSteps: readonly OpenStepMemo[];
}

/**
 * The memo of the case at `now`: its open steps in the order and with the values the case view shows them
 * (title, stage, deadline, overdue), built from the state without building the whole view.
 */
export function caseMemo(state: CaseState, now: number): CaseMemo {
  const zone = state.input.calendar.timezone;
  const clock = clockNow(state, now);
  const openSteps = viewedSteps(state).flatMap(({ step, current }): OpenStepMemo[] =>
    current.assignee && (current.status === 'active' || current.status === 'claimed')
      ? [
          {
            stepId: step.id,
            title: stepTitle(step),
            stage: stageOf(state.input.flow, step),
            status: current.status,
            department: current.assignee.department,
            ...(current.deadline === undefined ? {} : { dueAt: formatInstant(current.deadline.at, zone) }),
            overdue: isOverdue(current, clock),
          },
        ]
      : [],
  );
  return { openSteps };
}

/**
 * The raw values the memo is made of, per open step: id, status, department, deadline (epoch ms), overdue. The
 * memo changes exactly when these do (a step's title and stage are fixed by the flow), so the shell decides its
 * upsert on them rather than on the memo's formatted text.
 */
export function memoFingerprint(state: CaseState, now: number): unknown[] {
  const clock = clockNow(state, now);
  return Object.values(state.steps).flatMap((step) =>
    step.assignee && (step.status === 'active' || step.status === 'claimed')
      ? [[step.id, step.status, step.assignee.department, step.deadline?.at ?? null, isOverdue(step, clock)]]
      : [],
  );
}
