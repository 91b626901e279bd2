/** A new case: every step pending, the whole-case clock started, triggers checked, the first steps running. */
import type { CaseInput } from '../case-input';
import type { CaseState, StepState } from './case-state';
import { ENGINE_ACTOR, unstartedStep } from './case-state';
import type { Transition } from './commands';
import { caseSla, deadlineFrom, keepsFacts } from './deadlines';
import { checkTriggers } from './emergency';
import { allSteps } from './flow-graph';
import { settle } from './settle';
import { begin, finish, record } from './tx';

/**
 * Starts a case at `now` from its pinned input, on `engineRevision` (the shell decides it replay-safely; new
 * cases get CURRENT_ENGINE_REVISION).
 */
export function startCase(input: CaseInput, now: number, engineRevision: number): Transition {
  const steps: Record<string, StepState> = {};
  for (const step of allSteps(input.flow)) steps[step.id] = unstartedStep(step.id);
  const sla = caseSla({ input });
  const started: CaseState = {
    input,
    engineRevision,
    status: 'open',
    createdAt: now,
    data: input.data,
    priority: input.priority,
    emergency: { level: 0 },
    steps,
    caseOverdueNotified: false,
    lastProgressAt: now,
    timeline: [],
  };
  const state: CaseState =
    sla === undefined
      ? started
      : { ...started, caseDeadline: deadlineFrom(input.calendar, sla, now, keepsFacts(started)) };
  const tx = begin(state, now);
  const label = `${input.flow.id} v${input.flow.version}${input.profile ? ` (profile ${input.profile})` : ''}`;
  record(tx, 'case-started', `${label} in region ${input.region}`, {
    actor: input.startedBy ?? ENGINE_ACTOR,
  });
  checkTriggers(tx);
  settle(tx);
  return finish(tx);
}
