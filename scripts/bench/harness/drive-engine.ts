/** Drives one case through the pure engine from start to closure, as the shell would, counting transitions. */
import type { CaseInput } from '../../../workflows/engine/case-input';
import {
  CURRENT_ENGINE_REVISION,
  applyAction,
  applyServiceResult,
  applyTime,
  caseView,
  nextWakeAt,
  startCase,
  type CaseState,
  type Command,
  type Transition,
} from '../../../workflows/engine/case';
import { flowStep, happyResult } from '../../../test/helpers/case-driver';

export interface EngineRun {
  transitions: number;
  stateBytes: number;
  /** The case as closed. */
  state: CaseState;
}

const VISITOR = { sub: 'bench-visitor', role: 'intake' } as const;
const MAX_TRANSITIONS = 1_000;

/** Completes every active task with a valid result, answers every system call, fires timers, gives feedback. */
export function driveEngineToClosure(
  input: CaseInput,
  results: Readonly<Record<string, Record<string, unknown>>>,
  onTransition?: (state: CaseState) => void,
): EngineRun {
  let now = Date.parse('2026-03-02T09:00:00+08:00');
  let state: CaseState;
  let pending: Command[] = [];
  let transitions = 0;
  const take = (transition: Transition): void => {
    state = transition.state;
    pending = [...pending, ...transition.commands];
    transitions += 1;
    onTransition?.(state);
  };
  take(startCase(input, now, CURRENT_ENGINE_REVISION));
  while (state!.status === 'open' && transitions < MAX_TRANSITIONS) {
    now += 60_000;
    const call = pending.find((command) => command.type === 'callSystem');
    pending = pending.filter((command) => command !== call && command.type === 'callSystem'); // notifications need no answer
    if (call?.type === 'callSystem') {
      take(
        applyServiceResult(
          state!,
          { stepId: call.stepId, round: call.round, outcome: { ok: true, result: { ok: true } } },
          now,
        ),
      );
      continue;
    }
    const view = caseView(state!, now);
    const task = view.steps.find(
      (s) => s.kind === 'task' && (s.status === 'active' || s.status === 'claimed'),
    );
    if (task) {
      const step = flowStep(input.flow, task.id);
      const result = results[task.id] ?? happyResult(step.kind === 'task' ? step.form : {});
      const actor = { sub: 'bench', role: 'department' as const, dept: task.assignee?.department ?? '' };
      take(applyAction(state!, { type: 'complete', actor, stepId: task.id, result }, now));
    } else if (view.review?.status === 'open') {
      take(
        applyAction(
          state!,
          { type: 'feedback', actor: VISITOR, satisfaction: 'satisfied', resolved: true },
          now,
        ),
      );
    } else {
      now = Math.max(now, nextWakeAt(state!) ?? now);
      take(applyTime(state!, now));
    }
  }
  return { transitions, stateBytes: JSON.stringify(state!).length, state: state! };
}
