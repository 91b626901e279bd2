/** Side effects the Temporal shell performs for the engine, and the result of every engine transition. */
import type { DepartmentalSystem } from '../directory-model';
import type { CaseState } from './case-state';

export type NotifyKind =
  | 'notify'
  | 'remind'
  | 'urge'
  | 'escalate'
  | 'emergency'
  | 'incident'
  | 'overdue'
  | 'extension'
  | 'park';

/** Call a departmental system for a service step; the shell reports back with `applyServiceResult`. */
export interface CallSystemCommand {
  readonly type: 'callSystem';
  readonly stepId: string;
  readonly round: number;
  readonly system: DepartmentalSystem;
  readonly operation: string;
  /** The step's `call.input`, evaluated. */
  readonly input: Readonly<Record<string, unknown>>;
  /** `${caseId}/${stepId}/${round}`: the same for a retry of the same round. */
  readonly idempotencyKey: string;
}

/** Send a notification; it is already in the timeline, the shell POSTs it when `notifyUrl` is set. */
export interface NotifyCommand {
  readonly type: 'notify';
  readonly kind: NotifyKind;
  readonly stepId?: string;
  readonly department?: string;
  readonly notifyUrl?: string;
  readonly message: string;
  readonly at: number;
}

export type Command = CallSystemCommand | NotifyCommand;

/** The new state and the side effects to perform, in order. */
export interface Transition {
  readonly state: CaseState;
  readonly commands: Command[];
}
