/** What people (through the API) and the shell (service results) can do to a case. */
import type { Actor, Priority } from '../case-input';
import type { MigrationRequest } from '../migration/migration-model';

export type ReturnReason = 'wrong-area' | 'unclear-ownership' | 'overlapping-remit' | 'other';
export type Satisfaction = 'satisfied' | 'basically-satisfied' | 'unsatisfied';
/** A supervisor's decision on a rework past its `max`: one more round, close as unresolved, or another department. */
export type ReworkDecision = 'another-round' | 'close-unresolved' | 'reassign';

interface ActionBase {
  readonly actor: Actor;
}

/** Every action `validateAction` and `applyAction` accept, discriminated by `type`. */
export type CaseAction = ActionBase &
  (
    | { readonly type: 'claim'; readonly stepId: string }
    | { readonly type: 'complete'; readonly stepId: string; readonly result: unknown }
    | {
        readonly type: 'return';
        readonly stepId: string;
        readonly reason: ReturnReason;
        readonly note?: string;
      }
    | {
        readonly type: 'requestExtension';
        readonly stepId: string;
        readonly until: number;
        readonly reason: string;
      }
    | {
        readonly type: 'decideExtension';
        readonly stepId: string;
        readonly approve: boolean;
        readonly note?: string;
      }
    | { readonly type: 'requestPark'; readonly stepId: string; readonly reason: string }
    | {
        readonly type: 'decidePark';
        readonly stepId: string;
        readonly approve: boolean;
        readonly note?: string;
      }
    | {
        readonly type: 'decideRework';
        /** The step whose rework passed its `max`. */
        readonly stepId: string;
        readonly decision: ReworkDecision;
        /** reassign: the department that takes the rework round. */
        readonly department?: string;
        /** reassign: the step of the rework round it takes (default the rework's `goto`). */
        readonly reassignStepId?: string;
        readonly note?: string;
      }
    | { readonly type: 'urge'; readonly stepId: string; readonly note?: string }
    | {
        readonly type: 'reassign';
        readonly stepId: string;
        readonly department: string;
        readonly reason: string;
      }
    | { readonly type: 'setEmergency'; readonly level: 0 | 1 | 2 | 3 | 4; readonly reason: string }
    | { readonly type: 'suspend'; readonly reason: string }
    | { readonly type: 'resume'; readonly reason: string }
    | { readonly type: 'cancel'; readonly reason: string }
    | {
        readonly type: 'feedback';
        readonly satisfaction: Satisfaction;
        readonly resolved: boolean;
        readonly fault?: 'department' | 'other';
        readonly comment?: string;
      }
    | { readonly type: 'retry'; readonly stepId: string }
    | {
        readonly type: 'updateData';
        readonly data?: Readonly<Record<string, unknown>>;
        readonly priority?: Priority;
        readonly reason?: string;
      }
    | ({ readonly type: 'migrate' } & MigrationRequest)
  );

export type CaseActionType = CaseAction['type'];

/** The outcome of a departmental system call, reported by the shell. */
export interface ServiceResult {
  readonly stepId: string;
  readonly round: number;
  readonly outcome:
    | { readonly ok: true; readonly result: unknown }
    | { readonly ok: false; readonly error: string; readonly retryable: false };
}
