/** Applying an action: validate, change the state, run the flow forward. */
import type { CaseAction, CaseActionType } from './case-actions';
import type { CaseState } from './case-state';
import type { Transition } from './commands';
import { cancel, feedback, resume, setEmergency, suspend, updateData } from './case-handlers';
import { decideExtension, decidePark, requestExtension, requestPark } from './request-handlers';
import { migrate } from '../migration/migrate-case';
import { decideRework } from './rework-decisions';
import { settle } from './settle';
import { claim, complete, reassign, retry, returnStep, urge } from './step-handlers';
import type { Tx } from './tx';
import { begin, finish } from './tx';
import { validateAction } from './validate-action';

type ActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;
type Handlers = { [T in CaseActionType]: (tx: Tx, action: ActionOf<T>) => void };

const HANDLERS: Handlers = {
  claim,
  complete,
  return: returnStep,
  requestExtension,
  decideExtension,
  requestPark,
  decidePark,
  decideRework,
  urge,
  reassign,
  setEmergency,
  suspend,
  resume,
  cancel,
  feedback,
  retry,
  updateData,
  migrate,
};

/** Applies `action` at `now` (throwing what `validateAction` throws) and returns the new state and commands. */
export function applyAction(state: CaseState, action: CaseAction, now: number): Transition {
  validateAction(state, action, now);
  const tx = begin(state, now);
  const handle = HANDLERS[action.type] as (tx: Tx, action: CaseAction) => void;
  handle(tx, action);
  settle(tx);
  return finish(tx);
}
