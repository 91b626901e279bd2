/**
 * The plan of a migration (docs/migration.md): pure, from the case's state, the request and `now`. It decides
 * every step, the data, the whole-case deadline and the pinned input on the target version, explains each
 * decision, and lists every reason the case cannot move. `migrate-case.ts` applies it; nothing else changes it.
 */
import type { Actor, CaseInput } from '../case-input';
import type { FieldError } from '../case/case-errors';
import type { CaseState, StepState } from '../case/case-state';
import { engineRevisionOf } from '../case/engine-revision';
import { fieldCheckOf, fieldErrors } from '../case/field-validation';
import { allSteps, findStep } from '../case/flow-graph';
import { formatInstant } from '../time';
import { moveCaseDeadline, moveWait, type ClockContext } from './migration-clocks';
import type {
  MigrationPlan,
  MigrationRecord,
  MigrationRequest,
  RetiredStep,
  StepMigration,
} from './migration-model';
import { decideNewSteps } from './new-steps';
import { decideStep, type DecidedStep } from './step-decisions';
import { pairSteps } from './step-mapping';

/** The `migrate` action: a request and who made it. */
export type MigrateAction = MigrationRequest & { readonly type: 'migrate'; readonly actor: Actor };

/** A plan (`applied: false`, no `then`) and, when accepted, what the case's state becomes before it settles. */
export interface PlannedMigration {
  readonly plan: MigrationPlan;
  readonly patch?: Pick<
    CaseState,
    'input' | 'data' | 'steps' | 'caseDeadline' | 'caseOverdueNotified' | 'retiredSteps' | 'migrations'
  >;
}

/** Plans moving the case onto `action.target` at `now`. */
export function planMigration(state: CaseState, action: MigrateAction, now: number): PlannedMigration {
  const source = state.input.flow;
  const target = action.target.flow;
  const errors: FieldError[] = [...versionErrors(state, action)];
  const pairing = pairSteps(source, target, action.stepMapping);
  errors.push(...pairing.errors);
  const data = mergedData(state.data, action.data);
  errors.push(...fieldErrors(target.data, data, 'data', fieldCheckOf(state)));
  if (state.input.profile !== undefined && !Object.hasOwn(target.profiles, state.input.profile)) {
    errors.push({
      path: 'profile',
      message: `version ${target.version} has no profile '${state.input.profile}'`,
    });
  }
  const input = migratedInput(state.input, action);
  const ctx: ClockContext = { before: state, after: { ...state, input, data }, now };

  const decided = allSteps(source).map((step) => decideStep(ctx, pairing, step, stepStateOf(state, step.id)));
  const steps: Record<string, StepState> = {};
  for (const { state: moved } of decided) if (moved !== undefined) steps[moved.id] = moved;
  const added = decideNewSteps(ctx, steps);
  const waits = retimeWaits(ctx, decided, steps);
  errors.push(...decided.flatMap((d) => (d.error ? [d.error] : [])), ...waits.errors);

  const caseClock = moveCaseDeadline(ctx);
  const zone = input.calendar.timezone;
  const replaced = (line: StepMigration): StepMigration => {
    const skip = line.decision === 'keep' ? added.skipped.get(line.to ?? '') : undefined;
    if (skip !== undefined) return { ...skip, ...(line.from !== undefined ? { from: line.from } : {}) };
    return waits.lines.get(line.from ?? '') ?? line;
  };
  const lines = [...decided.map((d) => replaced(d.line)), ...added.lines];
  const plan: MigrationPlan = {
    caseId: state.input.caseId,
    flowId: source.id,
    fromVersion: source.version,
    toVersion: target.version,
    accepted: errors.length === 0,
    applied: false,
    steps: lines,
    ...(caseClock !== undefined
      ? {
          caseDeadline: {
            decision: caseClock.decision,
            ...(caseClock.deadline !== undefined
              ? { dueAt: formatInstant(caseClock.deadline.at, zone) }
              : {}),
            explanation: caseClock.explanation,
          },
        }
      : {}),
    newAssignees: Object.keys(action.target.assignees)
      .filter((key) => !Object.hasOwn(state.input.assignees, key))
      .map((key) => ({ key, department: action.target.assignees[key]?.department ?? '' })),
    notes: notesOf(state, action, input),
    errors,
  };
  if (errors.length > 0) return { plan };
  const record: MigrationRecord = {
    at: now,
    actor: action.actor,
    fromVersion: source.version,
    toVersion: target.version,
    stepMapping: action.stepMapping,
    plan: { ...plan, applied: true },
  };
  const retired: RetiredStep[] = decided.flatMap((d) => (d.retired ? [d.retired] : []));
  const overdueNotified =
    caseClock?.deadline !== undefined && caseClock.deadline.at <= now ? state.caseOverdueNotified : false;
  return {
    plan,
    patch: {
      input,
      data,
      steps,
      caseDeadline: caseClock?.deadline,
      caseOverdueNotified: caseClock?.decision === 'kept' ? state.caseOverdueNotified : overdueNotified,
      retiredSteps: [...(state.retiredSteps ?? []), ...retired],
      migrations: [...(state.migrations ?? []), record],
    },
  };
}

function versionErrors(state: CaseState, action: MigrateAction): FieldError[] {
  const { id, version } = state.input.flow;
  const target = action.target.flow;
  if (state.status === 'closed' || state.status === 'cancelled') {
    return [{ path: 'caseId', message: `the case is ${state.status}` }];
  }
  if (version !== action.fromVersion) {
    return [{ path: 'fromVersion', message: `the case is on version ${version}, not ${action.fromVersion}` }];
  }
  if (target.id !== id) {
    return [{ path: 'toVersion', message: `the target is a version of flow '${target.id}', not '${id}'` }];
  }
  if (target.version === version)
    return [{ path: 'toVersion', message: `the case is already on version ${version}` }];
  return [];
}

/** The case data with `patch` merged over it; `null` in the patch removes a field. */
function mergedData(
  data: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...data, ...patch };
  for (const [name, value] of Object.entries(patch ?? {})) if (value === null) delete merged[name];
  return merged;
}

/**
 * The input the case pins on the target: its flow, the case's own calendar while the flow names the same one (the
 * target's otherwise), and what the case already pinned (assignees, departments, systems) before what the target
 * adds: a migration changes what the new version needs, nothing the case had resolved.
 */
function migratedInput(input: CaseInput, action: MigrateAction): CaseInput {
  const { target } = action;
  return {
    ...input,
    flow: target.flow,
    calendar: target.flow.calendar === input.flow.calendar ? input.calendar : target.calendar,
    assignees: { ...target.assignees, ...input.assignees },
    departments: { ...target.departments, ...input.departments },
    systems: { ...target.systems, ...input.systems },
  };
}

function stepStateOf(state: CaseState, stepId: string): StepState {
  const current = state.steps[stepId];
  if (current === undefined) throw new Error(`engine invariant: no state for step '${stepId}'`);
  return current;
}

/** Running wait steps on the target's timer, evaluated over the migrated case; returns replaced plan lines. */
function retimeWaits(
  ctx: ClockContext,
  decided: readonly DecidedStep[],
  steps: Record<string, StepState>,
): { lines: Map<string, StepMigration>; errors: FieldError[] } {
  const lines = new Map<string, StepMigration>();
  const errors: FieldError[] = [];
  const after: CaseState = { ...ctx.after, steps };
  for (const { line, state } of decided) {
    if (state === undefined || line.decision !== 'move' || line.from === undefined) continue;
    const from = findStep(ctx.before.input.flow, line.from);
    const to = findStep(ctx.after.input.flow, state.id);
    if (from?.kind !== 'wait' || to?.kind !== 'wait') continue;
    const moved = moveWait(after, state, from, to);
    if ('error' in moved) {
      errors.push({ path: `steps.${line.from}`, message: moved.error });
      lines.set(line.from, {
        ...line,
        decision: 'refuse',
        explanation: `${line.explanation}; ${moved.error}`,
      });
      continue;
    }
    const { waitUntil: _old, ...rest } = state;
    steps[state.id] = { ...rest, ...(moved.waitUntil !== undefined ? { waitUntil: moved.waitUntil } : {}) };
    lines.set(line.from, { ...line, explanation: `${line.explanation}; ${moved.explanation}` });
  }
  return { lines, errors };
}

function notesOf(state: CaseState, action: MigrateAction, input: CaseInput): string[] {
  const version = action.target.flow.version;
  const notes = [
    `engine revision ${engineRevisionOf(state)} kept: the engine behaves for this case as it did since its start`,
  ];
  const patched = Object.keys(action.data ?? {});
  if (patched.length > 0) notes.push(`data set before the check: ${patched.join(', ')}`);
  if (input.calendar !== state.input.calendar) {
    notes.push(
      `calendar '${input.calendar.name}' of version ${version} replaces '${state.input.calendar.name}'`,
    );
  }
  if (state.review?.status === 'open') {
    const closes = formatInstant(state.review.window.at, input.calendar.timezone);
    notes.push(`the open review window (回访) stays open until ${closes}`);
  }
  if (state.emergency.level > 0) notes.push(`the open emergency (level ${state.emergency.level}) stays open`);
  if (state.status === 'suspended')
    notes.push('the case stays suspended: steps due to start wait until it resumes');
  return notes;
}
