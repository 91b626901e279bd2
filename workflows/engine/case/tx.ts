/**
 * The accumulator a transition threads through its helpers: the current (immutable) state, the commands so far
 * and the instant. Helpers replace `tx.state` with new objects; the caller's state is never modified.
 */
import type { Actor } from '../case-input';
import type { CaseState, StepState, TimelineEvent } from './case-state';
import { ENGINE_ACTOR } from './case-state';
import type { Command, NotifyCommand, NotifyKind, Transition } from './commands';

export interface Tx {
  state: CaseState;
  readonly commands: Command[];
  readonly now: number;
}

/** A new accumulator over `state` at `now`. */
export function begin(state: CaseState, now: number): Tx {
  return { state, commands: [], now };
}

/** The transition the accumulator has built. */
export function finish(tx: Tx): Transition {
  return { state: tx.state, commands: tx.commands };
}

/** Replaces the state with a shallow-merged copy. */
export function patchCase(tx: Tx, patch: Partial<CaseState>): void {
  tx.state = { ...tx.state, ...patch };
}

/** The step's state; every flow step has one from the start. */
export function stepState(tx: Tx, stepId: string): StepState {
  const step = tx.state.steps[stepId];
  if (step === undefined) throw new Error(`engine invariant: no state for step '${stepId}'`);
  return step;
}

/** Replaces one step's state with a shallow-merged copy. */
export function patchStep(tx: Tx, stepId: string, patch: Partial<StepState>): StepState {
  const next = { ...stepState(tx, stepId), ...patch };
  tx.state = { ...tx.state, steps: { ...tx.state.steps, [stepId]: next } };
  return next;
}

/** Appends a timeline event at `tx.now`. */
export function record(
  tx: Tx,
  type: string,
  detail: string,
  options: { stepId?: string; actor?: Actor } & EventFacts = {},
): void {
  const { stepId, actor, ...facts } = options;
  const event: TimelineEvent = {
    at: tx.now,
    type,
    detail,
    actor: actor ?? ENGINE_ACTOR,
    ...(stepId !== undefined ? { stepId } : {}),
    ...definedFacts(facts),
  };
  tx.state = { ...tx.state, timeline: [...tx.state.timeline, event] };
}

/** Structured facts an event may carry for the ledger (round, department, deadline set or moved). */
export type EventFacts = Pick<TimelineEvent, 'round' | 'department' | 'deadlineAt'>;

function definedFacts(facts: EventFacts): EventFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as EventFacts;
}

/** The round, department and deadline of a step as event facts. */
export function stepFacts(tx: Tx, stepId: string): EventFacts {
  const step = stepState(tx, stepId);
  return { round: step.round, department: step.assignee?.department, deadlineAt: step.deadline?.at };
}

/** Marks that the case moved forward (for `idleFor` in supervision). */
export function progressed(tx: Tx): void {
  patchCase(tx, { lastProgressAt: tx.now });
}

/** Emits a notification to a department (with its notifyUrl when the directory has one). */
export function notify(
  tx: Tx,
  kind: NotifyKind,
  message: string,
  target: { stepId?: string; department?: string } = {},
): void {
  const notifyUrl =
    target.department !== undefined ? tx.state.input.departments[target.department]?.notifyUrl : undefined;
  const command: NotifyCommand = {
    type: 'notify',
    kind,
    message,
    at: tx.now,
    ...(target.stepId !== undefined ? { stepId: target.stepId } : {}),
    ...(target.department !== undefined ? { department: target.department } : {}),
    ...(notifyUrl !== undefined ? { notifyUrl } : {}),
  };
  tx.commands.push(command);
}
