/**
 * Registers one Update handler (with its validator) per case action. Each Update's payload becomes the engine's
 * action by adding the `type` its name carries; the pairing is written out per action so that the compiler checks
 * each one (a loop over the names would need a cast, since TypeScript cannot follow a type parameter through
 * `setHandler`). A new action that is not registered here fails to compile.
 */
import { setHandler } from '@temporalio/workflow';
import type { CaseAction, CaseActionType } from './engine/case/case-actions';
import type { CaseView } from './engine/case/case-view';
import { CASE_ACTION_UPDATES as U, type ActionOf, type ActionPayload, type ActionUpdate } from './messages';

/** What the shell does with an action: apply it (answering the view after it), or check it before accepting. */
export interface CaseActionHandlers {
  readonly apply: (action: CaseAction) => CaseView;
  readonly validate: (action: CaseAction) => void;
}

/** Sets the handler and validator of every action's Update. */
export function setCaseActionHandlers(handlers: CaseActionHandlers): void {
  /** `setHandler`'s arguments for one Update, with types the compiler resolves at each concrete call. */
  const on = <K extends CaseActionType>(
    update: ActionUpdate<K>,
    toAction: (payload: ActionPayload<K>) => ActionOf<K>,
  ): [
    ActionUpdate<K>,
    (payload: ActionPayload<K>) => CaseView,
    { validator: (payload: ActionPayload<K>) => void },
  ] => [
    update,
    (payload) => handlers.apply(toAction(payload)),
    { validator: (payload) => handlers.validate(toAction(payload)) },
  ];
  const register: { readonly [K in CaseActionType]: () => void } = {
    claim: () => setHandler(...on(U.claim, (p) => ({ ...p, type: 'claim' }))),
    complete: () => setHandler(...on(U.complete, (p) => ({ ...p, type: 'complete' }))),
    return: () => setHandler(...on(U.return, (p) => ({ ...p, type: 'return' }))),
    requestExtension: () =>
      setHandler(...on(U.requestExtension, (p) => ({ ...p, type: 'requestExtension' }))),
    decideExtension: () => setHandler(...on(U.decideExtension, (p) => ({ ...p, type: 'decideExtension' }))),
    requestPark: () => setHandler(...on(U.requestPark, (p) => ({ ...p, type: 'requestPark' }))),
    decidePark: () => setHandler(...on(U.decidePark, (p) => ({ ...p, type: 'decidePark' }))),
    urge: () => setHandler(...on(U.urge, (p) => ({ ...p, type: 'urge' }))),
    reassign: () => setHandler(...on(U.reassign, (p) => ({ ...p, type: 'reassign' }))),
    setEmergency: () => setHandler(...on(U.setEmergency, (p) => ({ ...p, type: 'setEmergency' }))),
    suspend: () => setHandler(...on(U.suspend, (p) => ({ ...p, type: 'suspend' }))),
    resume: () => setHandler(...on(U.resume, (p) => ({ ...p, type: 'resume' }))),
    cancel: () => setHandler(...on(U.cancel, (p) => ({ ...p, type: 'cancel' }))),
    feedback: () => setHandler(...on(U.feedback, (p) => ({ ...p, type: 'feedback' }))),
    retry: () => setHandler(...on(U.retry, (p) => ({ ...p, type: 'retry' }))),
    updateData: () => setHandler(...on(U.updateData, (p) => ({ ...p, type: 'updateData' }))),
  };
  for (const set of Object.values(register)) set();
}
