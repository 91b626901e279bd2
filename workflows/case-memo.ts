/**
 * The case memo: what a department's inbox needs about each open task, returned by visibility listings so the
 * inbox needs no query per case. Step titles, stages and deadlines only: no case data, no personal data.
 */
import { clockNow } from './engine/case/case-clock';
import type { CaseState } from './engine/case/case-state';
import type { CaseView } from './engine/case/case-view';
import { isOverdue } from './engine/case/step-view';

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

/** The memo of a case at the moment of its view. */
export function caseMemo(view: CaseView): CaseMemo {
  const openSteps = view.steps.flatMap((step): OpenStepMemo[] =>
    step.assignee && (step.status === 'active' || step.status === 'claimed')
      ? [
          {
            stepId: step.id,
            title: step.title,
            stage: step.stage,
            status: step.status,
            department: step.assignee.department,
            ...(step.dueAt === undefined ? {} : { dueAt: step.dueAt }),
            overdue: step.overdue,
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
