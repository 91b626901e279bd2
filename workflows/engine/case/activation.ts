/** Starting a step's round: per kind, what activation does (assign, start clocks, call, notify, wait). */
import { assigneeKey } from '../case-input';
import type { ResolvedAssignee } from '../case-input';
import type { ServiceStep, Step, WaitStep } from '../flow-model';
import { formatInstant, instantAfter } from '../time';
import { bindingsOf, tryInputs, tryInstant } from './bindings';
import type { StepState } from './case-state';
import { startClaimClock } from './claim-limits';
import { completeStep } from './completion';
import { deadlineFrom, keepsFacts, rungsFor, stepSla } from './deadlines';
import { isEmergencyStep, stepTitle } from './flow-graph';
import type { Tx } from './tx';
import { notify, patchStep, record, stepFacts, stepState } from './tx';

/** Activates the step in a new round and performs what its kind does at once. */
export function activateStep(tx: Tx, step: Step): void {
  const previous = stepState(tx, step.id);
  const round = previous.round + 1;
  const assignee = 'assignee' in step && step.assignee ? resolveAssignee(tx, step, previous) : undefined;
  patchStep(tx, step.id, freshRound(previous, round, tx.now, assignee));
  if (step.kind === 'task' || step.kind === 'service') {
    if (stepSla(tx.state, step)?.starts !== 'claimed' || step.kind === 'service') startClock(tx, step);
  }
  startClaimClock(tx, step);
  record(
    tx,
    'step-activated',
    `${stepTitle(step)}: round ${round}${assignee ? ` for ${assignee.department}` : ''}`,
    { stepId: step.id, ...stepFacts(tx, step.id) },
  );
  if (step.kind === 'task') activateTask(tx, step.id, assignee);
  if (step.kind === 'service') callService(tx, step);
  if (step.kind === 'notify') {
    const message = step.message.zh ?? step.message.en ?? stepTitle(step);
    notify(tx, 'notify', message, {
      stepId: step.id,
      ...(assignee ? { department: assignee.department } : {}),
    });
    completeStep(tx, step.id, undefined);
  }
  if (step.kind === 'wait') startWait(tx, step);
}

/** Sets the step's deadline from now on its SLA and schedules its escalation rungs. */
export function startClock(tx: Tx, step: Step): void {
  const sla = stepSla(tx.state, step);
  if (sla === undefined) return;
  const deadline = deadlineFrom(tx.state.input.calendar, sla, tx.now, keepsFacts(tx.state));
  patchStep(tx, step.id, { deadline, rungs: rungsFor(tx.state, step, deadline, tx.now) });
}

/** Evaluates the call's input and asks the shell to call the system; a failure opens an incident. */
export function callService(tx: Tx, step: ServiceStep): void {
  const { round } = stepState(tx, step.id);
  const system = tx.state.input.systems[step.call.system];
  const input = tryInputs(step.call.input, bindingsOf(tx.state));
  if (system === undefined || !input.ok) {
    const error = !input.ok
      ? input.error
      : `departmental system '${step.call.system}' is not pinned in the case`;
    openIncident(tx, step.id, error);
    return;
  }
  tx.commands.push({
    type: 'callSystem',
    stepId: step.id,
    round,
    system,
    operation: step.call.operation,
    input: input.value,
    idempotencyKey: `${tx.state.input.caseId}/${step.id}/${round}`,
  });
  record(tx, 'service-called', `${system.id} ${step.call.operation} (round ${round})`, { stepId: step.id });
}

/** Sets the wait step's timer (completing it at once when already due); a bad `until` opens an incident. */
export function startWait(tx: Tx, step: WaitStep): void {
  const { calendar } = tx.state.input;
  let until: number;
  if (step.for !== undefined) {
    until = instantAfter(calendar, tx.now, step.for, step.clock);
  } else {
    const evaluated = tryInstant(step.until ?? 'null', bindingsOf(tx.state));
    if (!evaluated.ok) return openIncident(tx, step.id, evaluated.error);
    until = evaluated.value;
  }
  patchStep(tx, step.id, { waitUntil: until });
  record(tx, 'wait-started', `until ${formatInstant(until, calendar.timezone)}`, { stepId: step.id });
  if (until <= tx.now) completeStep(tx, step.id, undefined);
}

/** Marks the step as unable to proceed until a supervisor retries (or reassigns) it. */
export function openIncident(tx: Tx, stepId: string, error: string): void {
  patchStep(tx, stepId, { incident: { at: tx.now, error } });
  record(tx, 'incident', error, { stepId });
  notify(tx, 'incident', `Step ${stepId} cannot proceed: ${error}`, { stepId });
}

function activateTask(tx: Tx, stepId: string, assignee: ResolvedAssignee | undefined): void {
  if (assignee === undefined) {
    openIncident(tx, stepId, 'no department holds the assignee role for this region; reassign the step');
    return;
  }
  if (isEmergencyStep(tx.state.input.flow, stepId)) {
    const level = tx.state.emergency.level;
    notify(tx, 'emergency', `Emergency (level ${level}) task ${stepId} assigned to you`, {
      stepId,
      department: assignee.department,
    });
  }
}

/** The pinned resolution of the step's assignee; a department reassigned earlier keeps the step. */
function resolveAssignee(tx: Tx, step: Step, previous: StepState): ResolvedAssignee | undefined {
  if (previous.assignee !== undefined) return previous.assignee;
  if (!('assignee' in step) || step.assignee === undefined) return undefined;
  return tx.state.input.assignees[assigneeKey(step.assignee)];
}

function freshRound(
  previous: StepState,
  round: number,
  now: number,
  assignee: ResolvedAssignee | undefined,
): StepState {
  return {
    id: previous.id,
    status: 'active',
    round,
    activatedAt: now,
    rungs: [],
    parked: false,
    reworks: previous.reworks,
    history: previous.history,
    ...(assignee !== undefined ? { assignee } : {}),
  };
}
