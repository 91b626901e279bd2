/** Applying the case-wide actions: emergency level, suspension, cancellation, 回访 feedback, data changes. */
import type { CaseAction } from './case-actions';
import type { Feedback } from './case-state';
import { checkTriggers, setEmergencyLevel } from './emergency';
import { stepAndDescendants } from './flow-graph';
import { resetSteps, cancelStep } from './reruns';
import { closeCase } from './settle';
import { moveClocksAfterSuspension } from './suspension';
import type { Tx } from './tx';
import { patchCase, progressed, record } from './tx';
import { allSteps } from './flow-graph';

type Action<T extends CaseAction['type']> = Extract<CaseAction, { type: T }>;

/** Opens, raises, lowers or closes the emergency by hand. */
export function setEmergency(tx: Tx, action: Action<'setEmergency'>): void {
  setEmergencyLevel(tx, action.level, action.reason, action.actor);
}

/** Stops every clock: rungs, waits, the review window and the whole-case SLA wait until resume. */
export function suspend(tx: Tx, action: Action<'suspend'>): void {
  patchCase(tx, { status: 'suspended', suspendedAt: tx.now });
  record(tx, 'case-suspended', action.reason, { actor: action.actor });
}

/** Restarts the clocks, each deadline moved by the time the suspension lasted on its clock. */
export function resume(tx: Tx, action: Action<'resume'>): void {
  const since = tx.state.suspendedAt ?? tx.now;
  moveClocksAfterSuspension(tx, since);
  patchCase(tx, { status: 'open', suspendedAt: undefined });
  record(tx, 'case-resumed', action.reason, { actor: action.actor });
  progressed(tx);
}

/** Cancels the case and every step still open. */
export function cancel(tx: Tx, action: Action<'cancel'>): void {
  for (const step of allSteps(tx.state.input.flow)) cancelStep(tx, step.id);
  patchCase(tx, { status: 'cancelled', closedAt: tx.now, emergency: { level: 0 }, suspendedAt: undefined });
  record(tx, 'case-cancelled', action.reason, { actor: action.actor });
}

/**
 * 回访: unsatisfied through a department's fault (or not resolved) with `reworkOnUnsatisfied` → 重办 of that
 * step and everything after it, each in a new round, then a new window; anything else closes the case.
 */
export function feedback(tx: Tx, action: Action<'feedback'>): void {
  const review = tx.state.review;
  if (review === undefined) return;
  const entry: Feedback = {
    at: tx.now,
    actor: action.actor,
    satisfaction: action.satisfaction,
    resolved: action.resolved,
    ...(action.fault !== undefined ? { fault: action.fault } : {}),
    ...(action.comment !== undefined ? { comment: action.comment } : {}),
  };
  const faultText = action.fault !== undefined ? `, fault: ${action.fault}` : '';
  const detail = `${action.satisfaction}, ${action.resolved ? 'resolved' : 'not resolved'}${faultText}`;
  record(tx, 'feedback-received', action.comment ? `${detail}: ${action.comment}` : detail, {
    actor: action.actor,
  });
  progressed(tx);
  const target = tx.state.input.flow.review?.reworkOnUnsatisfied;
  const redo =
    target !== undefined &&
    action.satisfaction === 'unsatisfied' &&
    (action.fault === 'department' || !action.resolved);
  if (!redo) {
    patchCase(tx, { review: { ...review, status: 'done', feedback: [...review.feedback, entry] } });
    return closeCase(tx, `feedback: ${detail}`);
  }
  patchCase(tx, {
    review: { ...review, status: 'redo', feedback: [...review.feedback, entry], redos: review.redos + 1 },
  });
  const rerun = stepAndDescendants(tx.state.input.flow, target).filter((id) =>
    tx.state.input.flow.steps.some((step) => step.id === id),
  );
  resetSteps(tx, rerun, 'redone');
  record(tx, 'redo-started', `重办 ${review.redos + 1}: ${rerun.join(', ')} run again`);
}

/** Changes case data or priority, then checks the emergency triggers again. */
export function updateData(tx: Tx, action: Action<'updateData'>): void {
  const changed = Object.keys(action.data ?? {});
  patchCase(tx, {
    data: { ...tx.state.data, ...(action.data ?? {}) },
    ...(action.priority !== undefined ? { priority: action.priority } : {}),
  });
  const parts = [
    ...(changed.length > 0 ? [`data: ${changed.join(', ')}`] : []),
    ...(action.priority !== undefined ? [`priority: ${action.priority}`] : []),
  ];
  const reason = action.reason !== undefined ? ` (${action.reason})` : '';
  record(tx, 'data-updated', `${parts.join('; ') || 'nothing'}${reason}`, { actor: action.actor });
  checkTriggers(tx);
}
