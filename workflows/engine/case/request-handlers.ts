/** 延期 and 挂账: a department asks, a supervisor approves or refuses. */
import { formatInstant } from '../time';
import type { CaseAction } from './case-actions';
import { withMove } from './deadline-account';
import { rungsFor } from './deadlines';
import { findStep } from './flow-graph';
import type { Tx } from './tx';
import { notify, patchStep, progressed, record, stepFacts, stepState } from './tx';

type Action<T extends CaseAction['type']> = Extract<CaseAction, { type: T }>;

/** A pending extension request until a supervisor decides. */
export function requestExtension(tx: Tx, action: Action<'requestExtension'>): void {
  patchStep(tx, action.stepId, {
    request: {
      kind: 'extension',
      requestedAt: tx.now,
      requestedBy: action.actor,
      reason: action.reason,
      until: action.until,
    },
  });
  const until = formatInstant(action.until, tx.state.input.calendar.timezone);
  record(tx, 'extension-requested', `延期 to ${until}: ${action.reason}`, {
    stepId: action.stepId,
    actor: action.actor,
  });
  notify(tx, 'extension', `Extension of ${action.stepId} to ${until} requested: ${action.reason}`, {
    stepId: action.stepId,
  });
}

/** Approved: the deadline moves to `until` and the rungs are re-timed; refused: nothing changes. */
export function decideExtension(tx: Tx, action: Action<'decideExtension'>): void {
  const current = stepState(tx, action.stepId);
  const until = current.request?.until;
  const note = action.note !== undefined ? ` (${action.note})` : '';
  const department = current.assignee?.department;
  const target = { stepId: action.stepId, ...(department ? { department } : {}) };
  const step = findStep(tx.state.input.flow, action.stepId);
  if (!action.approve || until === undefined || current.deadline === undefined || step === undefined) {
    patchStep(tx, action.stepId, { request: undefined });
    record(tx, 'extension-refused', `延期 refused${note}`, { stepId: action.stepId, actor: action.actor });
    notify(tx, 'extension', `Extension of ${action.stepId} refused${note}`, target);
    return;
  }
  const text = formatInstant(until, tx.state.input.calendar.timezone);
  const by = action.actor.sub;
  const deadline = withMove(
    {
      ...current.deadline,
      at: until,
      explanation: `${current.deadline.explanation}; extended to ${text}, approved by ${by}${
        action.note !== undefined ? `: ${action.note}` : ''
      }`,
    },
    { kind: 'extended', until, by, ...(action.note !== undefined ? { note: action.note } : {}) },
  );
  patchStep(tx, action.stepId, {
    request: undefined,
    deadline,
    rungs: rungsFor(tx.state, step, deadline, tx.now, current.rungs),
  });
  record(tx, 'extension-approved', `延期 to ${text}${note}`, {
    stepId: action.stepId,
    actor: action.actor,
    ...stepFacts(tx, action.stepId),
  });
  notify(tx, 'extension', `Extension of ${action.stepId} to ${text} approved${note}`, target);
  progressed(tx);
}

/** A pending park (挂账) request until a supervisor decides. */
export function requestPark(tx: Tx, action: Action<'requestPark'>): void {
  patchStep(tx, action.stepId, {
    request: { kind: 'park', requestedAt: tx.now, requestedBy: action.actor, reason: action.reason },
  });
  record(tx, 'park-requested', `挂账: ${action.reason}`, { stepId: action.stepId, actor: action.actor });
  notify(tx, 'park', `Parking of ${action.stepId} requested: ${action.reason}`, { stepId: action.stepId });
}

/** Approved: the step is parked (its rungs stop, it leaves on-time metrics); refused: nothing changes. */
export function decidePark(tx: Tx, action: Action<'decidePark'>): void {
  const note = action.note !== undefined ? ` (${action.note})` : '';
  patchStep(tx, action.stepId, { request: undefined, ...(action.approve ? { parked: true } : {}) });
  const type = action.approve ? 'park-approved' : 'park-refused';
  record(tx, type, `挂账 ${action.approve ? 'approved' : 'refused'}${note}`, {
    stepId: action.stepId,
    actor: action.actor,
  });
  const department = stepState(tx, action.stepId).assignee?.department;
  notify(tx, 'park', `Parking of ${action.stepId} ${action.approve ? 'approved' : 'refused'}${note}`, {
    stepId: action.stepId,
    ...(department ? { department } : {}),
  });
  if (action.approve) progressed(tx);
}
