/**
 * The action table: every engine action the HTTP API offers, declared once, keyed by action type. The router
 * (`api/routes/case-actions-router.ts`) serves and the OpenAPI document (`api/openapi/register-action-paths.ts`)
 * describes each entry. A new engine action fails to compile until it gets an entry here or is listed as not
 * offered.
 */
import type { CaseActionType } from '../../workflows/engine/case/case-actions';
import type { Directory } from '../../workflows/engine/directory-model';
import { parseInstant } from '../../workflows/engine/time';
import { UnprocessableProblemError } from '../problems';
import {
  CancelRequestSchema,
  ClaimStepRequestSchema,
  CompleteStepRequestSchema,
  EmergencyRequestSchema,
  ExtensionDecisionRequestSchema,
  ExtensionRequestSchema,
  FeedbackRequestSchema,
  MigrateCaseRequestSchema,
  MigrationPlanSchema,
  ParkDecisionRequestSchema,
  ParkRequestSchema,
  ReassignRequestSchema,
  ResumeRequestSchema,
  RetryStepRequestSchema,
  ReturnStepRequestSchema,
  ReworkDecisionRequestSchema,
  SuspendRequestSchema,
  UpdateCaseDataRequestSchema,
  UrgeRequestSchema,
} from '../schemas';
import type { ActionRoute } from './action-route';
import { caseAction, stepAction } from './define-action-route';
import { acceptedPlan, migrationRequestFor } from '../cases/build-migration';

/** Engine actions without a route (none today; the compiler asks for each new action to be offered or listed). */
type NotOffered = never;

/** The engine actions the HTTP API offers. */
export type OfferedActionType = Exclude<CaseActionType, NotOffered>;

/** Every action route, by action type. */
export const CASE_ACTION_ROUTES: { readonly [K in OfferedActionType]: ActionRoute<K> } = {
  claim: stepAction('claim', {
    path: 'claim',
    access: 'assignee',
    request: ClaimStepRequestSchema,
    summary: '签收: acknowledge the task',
    payload: (_body, { stepId, actor }) => ({ stepId, actor }),
  }),
  complete: stepAction('complete', {
    path: 'complete',
    access: 'assignee',
    request: CompleteStepRequestSchema,
    idempotencyKey: 'required',
    summary: 'Complete the step with its form result',
    problems: [422],
    payload: ({ result }, { stepId, actor }) => ({ stepId, actor, result }),
  }),
  return: stepAction('return', {
    path: 'return',
    access: 'assignee',
    request: ReturnStepRequestSchema,
    summary: '退单: send the step back, if it allows return',
    payload: (body, { stepId, actor }) => ({ ...body, stepId, actor }),
  }),
  requestExtension: stepAction('requestExtension', {
    path: 'extension',
    access: 'assignee',
    request: ExtensionRequestSchema,
    status: 202,
    answer: 'Requested; a supervisor decides',
    summary: '延期: ask for a later deadline, if allowed',
    problems: [422],
    payload: ({ until, reason }, { stepId, actor }) => ({
      stepId,
      actor,
      until: parseInstant(until),
      reason,
    }),
  }),
  decideExtension: stepAction('decideExtension', {
    path: 'extension/decision',
    access: 'supervisor',
    request: ExtensionDecisionRequestSchema,
    summary: 'Approve or refuse the pending extension',
    payload: (body, { stepId, actor }) => ({ ...body, stepId, actor }),
  }),
  requestPark: stepAction('requestPark', {
    path: 'park',
    access: 'assignee',
    request: ParkRequestSchema,
    status: 202,
    answer: 'Requested; a supervisor decides',
    summary: '挂账: ask to park the step long-term (excluded from on-time metrics), if allowed',
    payload: ({ reason }, { stepId, actor }) => ({ stepId, actor, reason }),
  }),
  decidePark: stepAction('decidePark', {
    path: 'park/decision',
    access: 'supervisor',
    request: ParkDecisionRequestSchema,
    summary: 'Approve or refuse the pending park request',
    payload: (body, { stepId, actor }) => ({ ...body, stepId, actor }),
  }),
  decideRework: stepAction('decideRework', {
    path: 'rework/decision',
    access: 'supervisor',
    request: ReworkDecisionRequestSchema,
    summary:
      'Decide a rework past its max: another round, close as unresolved, or reassign (onExceeded: decide)',
    problems: [422],
    payload: ({ department, ...body }, { stepId, actor, directory }) => ({
      ...body,
      ...(department === undefined ? {} : { department: knownDepartment(directory, department) }),
      stepId,
      actor,
    }),
  }),
  retry: stepAction('retry', {
    path: 'retry',
    access: 'supervisor',
    request: RetryStepRequestSchema,
    summary: 'Retry a step that ended in an incident',
    payload: (_body, { stepId, actor }) => ({ stepId, actor }),
  }),
  setEmergency: caseAction('setEmergency', {
    path: 'emergency',
    access: 'supervisor',
    request: EmergencyRequestSchema,
    summary: 'Open, raise, lower (level 1-4) or close (level 0) an emergency',
    problems: [422],
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  urge: caseAction('urge', {
    path: 'urge',
    access: 'supervisor',
    request: UrgeRequestSchema,
    summary: '催办: urge the department holding a step',
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  reassign: caseAction('reassign', {
    path: 'reassign',
    access: 'supervisor',
    request: ReassignRequestSchema,
    summary: '改派: reassign a step to another department',
    problems: [422],
    payload: (body, { actor, directory }) => ({
      ...body,
      department: knownDepartment(directory, body.department),
      actor,
    }),
  }),
  suspend: caseAction('suspend', {
    path: 'suspend',
    access: 'supervisor',
    request: SuspendRequestSchema,
    summary: 'Suspend the case; SLA clocks stop',
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  resume: caseAction('resume', {
    path: 'resume',
    access: 'supervisor',
    request: ResumeRequestSchema,
    summary: 'Resume a suspended case',
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  cancel: caseAction('cancel', {
    path: 'cancel',
    access: 'supervisor',
    request: CancelRequestSchema,
    summary: 'Cancel the case',
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  updateData: caseAction('updateData', {
    path: 'data',
    access: 'supervisor',
    request: UpdateCaseDataRequestSchema,
    summary: "Correct the case's data or priority; emergency triggers are checked again",
    problems: [422],
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  feedback: caseAction('feedback', {
    path: 'feedback',
    access: 'intake',
    request: FeedbackRequestSchema,
    summary: '回访: the follow-up visit, while the review window is open',
    payload: (body, { actor }) => ({ ...body, actor }),
  }),
  migrate: caseAction('migrate', {
    path: 'migrate',
    access: 'designer',
    request: MigrateCaseRequestSchema,
    response: MigrationPlanSchema,
    summary: 'Migrate the case to another version of its flow (dryRun: the plan only)',
    answer: 'The migration plan: applied, or (dryRun) what applying it would do',
    problems: [422],
    dryRun: {
      requested: (body) => body.dryRun === true,
      preview: async (gateway, caseId, payload) => acceptedPlan(await gateway.planMigration(caseId, payload)),
    },
    payload: ({ dryRun: _dryRun, ...body }, context) => ({
      ...migrationRequestFor(context, context.view, body),
      actor: context.actor,
    }),
  }),
};

/** 改派 to a department the directory lacks would leave the step with no one to act on it: 422 instead. */
function knownDepartment(directory: Directory, department: string): string {
  if (directory.departments.some((known) => known.id === department)) return department;
  throw new UnprocessableProblemError(`No department '${department}' in the directory`, [
    { path: 'department', message: 'Not a department of the directory' },
  ]);
}
