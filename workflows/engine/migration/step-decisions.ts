/**
 * What becomes of each step of the case's version: a running step moves onto a step of the same kind (or is
 * refused), a finished or waiting one keeps its state under its target id, one the target drops is retired (or
 * dropped when it never ran). Steps new in the target are decided by `decideNewSteps`.
 */
import { assigneeKey } from '../case-input';
import type { FieldError } from '../case/case-errors';
import type { StepState } from '../case/case-state';
import { formatInstant } from '../time';
import { findStep } from '../case/flow-graph';
import type { Flow, Step } from '../flow-model';
import { moveRungs, moveStepDeadline, type ClockContext } from './migration-clocks';
import type { RetiredStep, StepMigration } from './migration-model';
import type { StepPairing } from './step-mapping';

/** One step's decision: its plan line, and its state in the target (or its record, retired) or the refusal. */
export interface DecidedStep {
  readonly line: StepMigration;
  /** Its state under the target's id. */
  readonly state?: StepState;
  readonly retired?: RetiredStep;
  readonly error?: FieldError;
}

const isRunning = (state: StepState): boolean => state.status === 'active' || state.status === 'claimed';

const assigneeOf = (step: Step): string | undefined =>
  'assignee' in step && step.assignee !== undefined ? assigneeKey(step.assignee) : undefined;

/** Decides the step `from` of the case's version. */
export function decideStep(
  ctx: ClockContext,
  pairing: StepPairing,
  from: Step,
  current: StepState,
): DecidedStep {
  const target = ctx.after.input.flow;
  const toId = pairing.pairs.get(from.id);
  const to = toId === undefined ? undefined : findStep(target, toId);
  if (isRunning(current)) {
    return to === undefined
      ? refuse(from, current, pairing.unpaired.get(from.id) ?? '')
      : move(ctx, from, to, current);
  }
  if (to === undefined)
    return retireOrDrop(ctx.before.input.flow, from, current, pairing.unpaired.get(from.id));
  return keep(target, from, to, current);
}

function refuse(from: Step, current: StepState, why: string): DecidedStep {
  const message = `${current.status} ${from.kind} step cannot move: ${why}; map it onto a ${from.kind} step with stepMapping`;
  return {
    line: { from: from.id, status: current.status, decision: 'refuse', explanation: message },
    error: { path: `steps.${from.id}`, message },
  };
}

/** A running step onto `to`: same round, status, assignee and request; clocks by the rules of migration-clocks. */
function move(ctx: ClockContext, from: Step, to: Step, current: StepState): DecidedStep {
  const version = ctx.after.input.flow.version;
  if (from.kind === 'service' && to.id !== from.id && current.incident === undefined) {
    const message = `its call to '${from.call.system}' is in flight: it keeps its id until the call answers (map it after, or retry)`;
    return {
      line: { from: from.id, to: to.id, status: current.status, decision: 'refuse', explanation: message },
      error: { path: `steps.${from.id}`, message },
    };
  }
  const notes: string[] = [
    to.id === from.id ? `moves to version ${version}'s '${to.id}'` : `moves to '${to.id}'`,
  ];
  const clock = moveStepDeadline(ctx, current, from, to);
  const deadline = clock?.deadline;
  const { deadline: _before, ...rest } = current;
  const state: StepState = {
    ...rest,
    id: to.id,
    rungs: moveRungs(ctx, current, from, to, deadline),
    ...(deadline !== undefined ? { deadline } : {}),
  };
  if (clock !== undefined) notes.push(`deadline ${clock.explanation}`);
  if (from.kind === 'task' && to.kind === 'task') {
    if (assigneeOf(from) !== assigneeOf(to) && current.assignee !== undefined) {
      notes.push(
        `${current.assignee.department} keeps it (version ${version} assigns the step otherwise: 改派 moves it now)`,
      );
    }
    if (JSON.stringify(from.form) !== JSON.stringify(to.form)) {
      notes.push(`its completion is checked against version ${version}'s form`);
    }
    if (JSON.stringify(from.escalation) !== JSON.stringify(to.escalation) && deadline !== undefined) {
      notes.push(`escalation follows version ${version}; rungs already past are not fired late`);
    }
  }
  if (
    from.kind === 'service' &&
    to.kind === 'service' &&
    JSON.stringify(from.call) !== JSON.stringify(to.call)
  ) {
    notes.push(
      current.incident === undefined
        ? `the call in flight completes this round; version ${version}'s call runs from its next round`
        : `a retry calls version ${version}'s '${to.call.system}'`,
    );
  }
  const zone = ctx.after.input.calendar.timezone;
  return {
    line: {
      from: from.id,
      to: to.id,
      status: current.status,
      decision: 'move',
      ...(clock !== undefined ? { deadline: clock.decision } : {}),
      ...(deadline !== undefined ? { dueAt: formatInstant(deadline.at, zone) } : {}),
      explanation: notes.join('; '),
    },
    state,
  };
}

/** A step not running, onto `to`: its state carried; a waiting step whose assignee changed is assigned afresh. */
function keep(target: Flow, from: Step, to: Step, current: StepState): DecidedStep {
  const version = target.version;
  const waiting = current.status === 'pending' || current.status === 'returned';
  const reassigned = waiting && current.assignee !== undefined && assigneeOf(from) !== assigneeOf(to);
  const { assignee: _pinned, ...unassigned } = current;
  const state: StepState = reassigned ? { ...unassigned, id: to.id } : { ...current, id: to.id };
  const renamed = to.id === from.id ? '' : ` as '${to.id}'`;
  const explanation = {
    completed: `kept${renamed}: completed in round ${current.round}, its result stays`,
    skipped: `kept${renamed}: skipped`,
    cancelled: `kept${renamed}: cancelled`,
    returned: `kept${renamed}: returned, runs again on version ${version}'s definition`,
    pending:
      current.round === 0
        ? `kept${renamed}: runs on version ${version}'s definition when what it waits for is finished`
        : `kept${renamed}: waits to run again (round ${current.round + 1}) on version ${version}'s definition`,
    active: '',
    claimed: '',
  }[current.status];
  const assigned = reassigned ? `; its next round goes to version ${version}'s assignee` : '';
  return {
    line: {
      from: from.id,
      to: to.id,
      status: current.status,
      decision: 'keep',
      explanation: explanation + assigned,
    },
    state,
  };
}

function retireOrDrop(source: Flow, from: Step, current: StepState, why: string | undefined): DecidedStep {
  const reason = why ?? '';
  if (current.status === 'pending' && current.round === 0) {
    return {
      line: {
        from: from.id,
        status: 'pending',
        decision: 'drop',
        explanation: `dropped (never ran): ${reason}`,
      },
    };
  }
  return {
    line: {
      from: from.id,
      status: current.status,
      decision: 'retire',
      explanation: `retired, kept for the record (${current.status}, round ${current.round}): ${reason}`,
    },
    retired: { version: source.version, step: from, state: current },
  };
}
