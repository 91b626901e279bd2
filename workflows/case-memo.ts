/**
 * The case memo: what a department's inbox needs about each open task, returned by visibility listings so the
 * inbox needs no query per case. Step titles, stages and deadlines only: no case data, no personal data.
 */
import type { CaseView } from './engine/case/case-view';

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
