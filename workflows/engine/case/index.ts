/**
 * The case engine as pure functions: (state, event, now) → (state, commands). No Temporal, no Node built-ins, no
 * clock or randomness: time comes in as `now` (epoch ms). The Temporal shell is workflows/case-workflow.ts.
 */
export { startCase } from './start-case';
export { validateAction } from './validate-action';
export { applyAction } from './apply-action';
export { applyServiceResult } from './service-result';
export { applyTime, nextWakeAt } from './time-events';
export { caseView, caseTimeline } from './case-view';
export { caseSummary } from './case-summary';
export { currentStage } from './stage';
export { CURRENT_ENGINE_REVISION, behaves, engineRevisionOf } from './engine-revision';
export type { EngineBehaviour } from './engine-revision';
export type { CaseView, StepView, TimelineEntry } from './case-view';
export type { CaseSummary } from './case-summary';
export type { CaseMetrics, StepMetrics } from './metrics';
export type { CaseStage } from './stage';
export type { CaseAction, CaseActionType, ReturnReason, Satisfaction, ServiceResult } from './case-actions';
export type { CaseState, CaseStatus, StepState, StepStatus, TimelineEvent } from './case-state';
export { ENGINE_ACTOR, isFinished } from './case-state';
export type { CallSystemCommand, Command, NotifyCommand, NotifyKind, Transition } from './commands';
export * from './case-errors';
