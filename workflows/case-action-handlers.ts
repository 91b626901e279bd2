/**
 * Registers one Update handler (with its validator) per case action. Each Update's payload becomes the engine's
 * action by adding the `type` its name carries; the pairing is written out per action so that the compiler checks
 * each one (a loop over the names would need a cast, since TypeScript cannot follow a type parameter through
 * `setHandler`). A new action that is not registered here fails to compile.
 */
import { setHandler } from '@temporalio/workflow';
import type { CaseAction, CaseActionType } from './engine/case/case-actions';
import type { CaseView } from './engine/case/case-view';
import type { MigrationPlan } from './engine/migration/migration-model';
import {
  CASE_ACTION_UPDATES as U,
  servedActionUpdate,
  type ActionOf,
  type ActionPayload,
  type ActionRequestDigest,
  type ActionResult,
  type ActionUpdate,
  type DigestedAnswer,
  type ServedActionUpdate,
} from './messages';

/** An action's answer, with the request's digest when it was sent with one (engine revision 8). */
type Answer<T> = T | DigestedAnswer<T>;

/**
 * What the shell does with an action: apply it (answering the view after it; a migration answers its plan), or
 * check it before accepting. `request` is the digest the API sent after the payload, if any.
 */
export interface CaseActionHandlers {
  readonly apply: (action: CaseAction, request?: ActionRequestDigest) => Answer<CaseView>;
  readonly migrate: (action: ActionOf<'migrate'>, request?: ActionRequestDigest) => Answer<MigrationPlan>;
  readonly validate: (action: CaseAction) => void;
}

/** Sets the handler and validator of every action's Update. */
export function setCaseActionHandlers(handlers: CaseActionHandlers): void {
  /** `setHandler`'s arguments for one Update, with types the compiler resolves at each concrete call. */
  const on = <K extends CaseActionType>(
    update: ActionUpdate<K>,
    toAction: (payload: ActionPayload<K>) => ActionOf<K>,
    answer: (action: ActionOf<K>, request?: ActionRequestDigest) => Answer<ActionResult<K>>,
  ): [
    ServedActionUpdate<K>,
    (payload: ActionPayload<K>, request?: ActionRequestDigest) => Answer<ActionResult<K>>,
    { validator: (payload: ActionPayload<K>, request?: ActionRequestDigest) => void },
  ] => [
    servedActionUpdate(update),
    (payload, request) => answer(toAction(payload), request),
    { validator: (payload) => handlers.validate(toAction(payload)) },
  ];
  const { apply } = handlers;
  const register: { readonly [K in CaseActionType]: () => void } = {
    claim: () => setHandler(...on(U.claim, (p) => ({ ...p, type: 'claim' }), apply)),
    complete: () => setHandler(...on(U.complete, (p) => ({ ...p, type: 'complete' }), apply)),
    return: () => setHandler(...on(U.return, (p) => ({ ...p, type: 'return' }), apply)),
    requestExtension: () =>
      setHandler(...on(U.requestExtension, (p) => ({ ...p, type: 'requestExtension' }), apply)),
    decideExtension: () =>
      setHandler(...on(U.decideExtension, (p) => ({ ...p, type: 'decideExtension' }), apply)),
    requestPark: () => setHandler(...on(U.requestPark, (p) => ({ ...p, type: 'requestPark' }), apply)),
    decidePark: () => setHandler(...on(U.decidePark, (p) => ({ ...p, type: 'decidePark' }), apply)),
    decideRework: () => setHandler(...on(U.decideRework, (p) => ({ ...p, type: 'decideRework' }), apply)),
    urge: () => setHandler(...on(U.urge, (p) => ({ ...p, type: 'urge' }), apply)),
    reassign: () => setHandler(...on(U.reassign, (p) => ({ ...p, type: 'reassign' }), apply)),
    setEmergency: () => setHandler(...on(U.setEmergency, (p) => ({ ...p, type: 'setEmergency' }), apply)),
    suspend: () => setHandler(...on(U.suspend, (p) => ({ ...p, type: 'suspend' }), apply)),
    resume: () => setHandler(...on(U.resume, (p) => ({ ...p, type: 'resume' }), apply)),
    cancel: () => setHandler(...on(U.cancel, (p) => ({ ...p, type: 'cancel' }), apply)),
    feedback: () => setHandler(...on(U.feedback, (p) => ({ ...p, type: 'feedback' }), apply)),
    retry: () => setHandler(...on(U.retry, (p) => ({ ...p, type: 'retry' }), apply)),
    updateData: () => setHandler(...on(U.updateData, (p) => ({ ...p, type: 'updateData' }), apply)),
    migrate: () => setHandler(...on(U.migrate, (p) => ({ ...p, type: 'migrate' }), handlers.migrate)),
  };
  for (const set of Object.values(register)) set();
}
