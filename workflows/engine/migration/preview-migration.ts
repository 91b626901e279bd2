/** A migration's plan together with what the flow does next on the target version. */
import type { CaseState } from '../case/case-state';
import type { Transition } from '../case/commands';
import { applyAction } from '../case/apply-action';
import type { MigrationPlan } from './migration-model';
import { planMigration, type MigrateAction } from './plan-migration';

/**
 * The plan (`applied: false`) and, when it is accepted, the transition the `migrate` action makes, whose
 * timeline entries after `case-migrated` are the plan's `then`. A dry run answers the plan; the shell commits the
 * transition and answers the plan with `applied: true`.
 */
export function previewMigration(
  state: CaseState,
  action: MigrateAction,
  now: number,
): { readonly plan: MigrationPlan; readonly transition?: Transition } {
  const { plan } = planMigration(state, action, now);
  if (!plan.accepted) return { plan };
  const transition = applyAction(state, action, now);
  const then = transition.state.timeline.slice(state.timeline.length + 1).map((event) => ({
    type: event.type,
    ...(event.stepId !== undefined ? { stepId: event.stepId } : {}),
    detail: event.detail,
  }));
  return { plan: { ...plan, then }, transition };
}
