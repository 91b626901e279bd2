/** The emergency overlay: open, raise, lower and close it, and its triggers (docs/flow-language.md, "Emergency"). */
import type { Actor } from '../case-input';
import { bindingsOf, tryCondition } from './bindings';
import type { EmergencyState } from './case-state';
import { ENGINE_ACTOR } from './case-state';
import { deadlineFrom, keepsFacts, rungsFor, stepSla } from './deadlines';
import { levelName } from './emergency-level';
import { cancelStep, resetSteps } from './reruns';
import type { Tx } from './tx';
import { notify, patchCase, patchStep, record, stepState } from './tx';

export { levelName } from './emergency-level';

/** Opens (from 0), raises, lowers or (0) closes the emergency; the scheduler then starts its steps. */
export function setEmergencyLevel(
  tx: Tx,
  level: EmergencyState['level'],
  reason: string,
  actor: Actor,
): void {
  const previous = tx.state.emergency.level;
  if (level === previous) return;
  const steps = tx.state.input.flow.emergency?.steps ?? [];
  if (previous === 0) {
    patchCase(tx, { emergency: { level, openedAt: tx.now } });
    resetSteps(
      tx,
      steps.map((step) => step.id),
      'cancelled',
    );
    record(tx, 'emergency-opened', `${levelName(level)}: ${reason}`, { actor });
    notify(tx, 'emergency', `Emergency ${levelName(level)} opened: ${reason}`);
    return;
  }
  if (level === 0) {
    patchCase(tx, { emergency: { level: 0 } });
    const cancelled = steps.filter((step) => cancelStep(tx, step.id)).map((step) => step.id);
    const note = cancelled.length > 0 ? `; cancelled ${cancelled.join(', ')}` : '';
    record(tx, 'emergency-closed', `${reason}${note}`, { actor });
    return;
  }
  patchCase(tx, { emergency: { ...tx.state.emergency, level } });
  const change = level < previous ? 'raised' : 'lowered';
  record(tx, `emergency-${change}`, `${levelName(previous)} → ${levelName(level)}: ${reason}`, { actor });
  notify(tx, 'emergency', `Emergency ${change} to ${levelName(level)}: ${reason}`);
  retimeOpenSteps(tx, level);
}

/** Opens or raises the emergency when a trigger holds; triggers never lower or close it. */
export function checkTriggers(tx: Tx): void {
  const triggers = tx.state.input.flow.emergency?.triggers ?? [];
  let mostSevere: EmergencyState['level'] = 0;
  for (const trigger of triggers) {
    // A trigger over an optional field that is not set fails to evaluate: that simply means it does not hold.
    const decision = tryCondition(trigger.when, bindingsOf(tx.state));
    if (decision.ok && decision.value && (mostSevere === 0 || trigger.level < mostSevere)) {
      mostSevere = trigger.level;
    }
  }
  const current = tx.state.emergency.level;
  if (mostSevere !== 0 && (current === 0 || mostSevere < current)) {
    setEmergencyLevel(tx, mostSevere, 'trigger condition holds', ENGINE_ACTOR);
  }
}

/** A level change restarts the open emergency steps' clocks from now at the new level. */
function retimeOpenSteps(tx: Tx, level: number): void {
  for (const step of tx.state.input.flow.emergency?.steps ?? []) {
    const state = stepState(tx, step.id);
    const sla = stepSla(tx.state, step);
    if ((state.status !== 'active' && state.status !== 'claimed') || sla === undefined) continue;
    if (sla.starts === 'claimed' && state.status !== 'claimed') continue;
    const fresh = deadlineFrom(tx.state.input.calendar, sla, tx.now, keepsFacts(tx.state));
    const deadline = {
      ...fresh,
      explanation: `re-timed at the change to ${levelName(level)}: ${fresh.explanation}`,
      ...(fresh.account !== undefined ? { account: { ...fresh.account, retimedAtLevel: level } } : {}),
    };
    patchStep(tx, step.id, { deadline, rungs: rungsFor(tx.state, step, deadline, tx.now) });
  }
}
