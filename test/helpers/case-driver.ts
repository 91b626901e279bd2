/**
 * Drives a case on Temporal the way departments would: starts it, completes whatever task steps are active with a
 * result that satisfies their form (the happy branch unless told otherwise) as the step's assigned department,
 * gives satisfied feedback when the review window opens, and polls the case view until a condition holds.
 */
import type { Client, WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { caseWorkflow } from '../../workflows';
import { caseStart } from '../../api/cases/case-start';
import type { CaseView, StepView } from '../../workflows/engine/case';
import type { Actor, CaseInput } from '../../workflows/engine/case-input';
import type { FieldMap, Flow, Step } from '../../workflows/engine/flow-model';
import { eventually } from './eventually';
import {
  CASE_ACTION_UPDATES,
  caseViewQuery,
  caseWorkflowId,
  type CaseWorkflowOptions,
} from '../../workflows/messages';

export type CaseHandle = WorkflowHandle<typeof caseWorkflow>;

export const SUPERVISOR: Actor = { sub: 'supervisor-1', role: 'supervisor', dept: 'yuexiu-supervision' };
/** The 回访 seat that records the citizen's feedback. */
export const VISITOR: Actor = { sub: 'visit-seat-3', role: 'supervisor', dept: 'gz-hotline-12345' };

/** The department user who acts on steps assigned to `department`. */
export function departmentActor(department: string): Actor {
  return { sub: `${department}-user`, role: 'department', dept: department };
}

/** Starts a case workflow on `taskQueue`. */
export function startCaseWorkflow(
  client: Client,
  taskQueue: string,
  input: CaseInput,
  options?: CaseWorkflowOptions,
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof caseWorkflow>> {
  // As the API starts a case (api/cases/case-gateway.ts).
  const { args, typedSearchAttributes } = caseStart(input, Date.now(), options);
  return client.workflow.start(caseWorkflow, {
    taskQueue,
    workflowId: caseWorkflowId(input.caseId),
    args,
    typedSearchAttributes,
  });
}

/** A value for every required field: true, the first enum value, a short text, 1, today, a one-item list. */
export function happyResult(form: FieldMap): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(form)) {
    if (!spec.required) continue;
    const values: Record<string, unknown> = {
      boolean: true,
      enum: spec.values?.[0],
      string: `${name}-value`,
      text: `${name} text`,
      number: 1,
      integer: 1,
      date: '2026-03-09',
      datetime: '2026-03-09T10:00:00+08:00',
      list: [`${name}-item`],
    };
    result[name] = values[spec.type];
  }
  return result;
}

export function flowStep(flow: Flow, stepId: string): Step {
  const step = [...flow.steps, ...(flow.emergency?.steps ?? [])].find((s) => s.id === stepId);
  if (step === undefined) throw new Error(`no step '${stepId}' in ${flow.id}`);
  return step;
}

/** Polls the case view until `predicate` holds; fails with the last view after `timeoutMs`. */
export async function waitForView(
  handle: CaseHandle,
  predicate: (view: CaseView) => boolean,
  timeoutMs = 15_000,
): Promise<CaseView> {
  let last: CaseView | undefined;
  return eventually(
    async () => {
      last = await handle.query(caseViewQuery);
      return predicate(last) && last;
    },
    () => `case view did not reach the condition:\n${last ? describe(last) : 'no view'}`,
    { timeoutMs, intervalMs: 50 },
  );
}

export function stepOf(view: CaseView, stepId: string): StepView {
  const step = view.steps.find((s) => s.id === stepId);
  if (step === undefined) throw new Error(`no step '${stepId}' in the view of ${view.caseId}`);
  return step;
}

/** A task in an active round (active or claimed). */
export const isOpenTask = (s: StepView): boolean =>
  s.kind === 'task' && (s.status === 'active' || s.status === 'claimed');

/** Completes the step's current round as its department with `result` (default: `happyResult` of its form). */
export function completeStep(
  handle: CaseHandle,
  flow: Flow,
  step: StepView,
  result?: Record<string, unknown>,
): Promise<CaseView> {
  const spec = flowStep(flow, step.id);
  const form = spec.kind === 'task' ? spec.form : {};
  return handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
    args: [
      {
        actor: departmentActor(step.assignee?.department ?? 'unassigned'),
        stepId: step.id,
        result: result ?? happyResult(form),
      },
    ],
    updateId: `complete-${handle.workflowId}-${step.id}-r${step.round}`,
  });
}

export interface DriveOptions {
  /** Results by step id, instead of `happyResult`. */
  readonly results?: Readonly<Record<string, Record<string, unknown>>>;
  readonly timeoutMs?: number;
}

const isFinal = (view: CaseView): boolean => view.status === 'closed' || view.status === 'cancelled';

/**
 * Acts as the departments would until `until` holds of the case view: completes the active tasks and gives
 * satisfied feedback when the review window opens. Checks `until` before acting, so it stops at the first view
 * where it holds; fails on an incident, or when the case ends first.
 */
export async function driveUntil(
  handle: CaseHandle,
  flow: Flow,
  until: (view: CaseView) => boolean,
  options: DriveOptions = {},
): Promise<CaseView> {
  let last: CaseView | undefined;
  return eventually(
    async () => {
      const view = await handle.query(caseViewQuery);
      last = view;
      if (until(view)) return view;
      if (isFinal(view)) throw new Error(`the case ended before the condition:\n${describe(view)}`);
      const incident = view.steps.find((s) => s.incident !== undefined);
      if (incident) throw new Error(`incident on ${incident.id}: ${incident.incident?.error}`);
      const tasks = view.steps.filter(isOpenTask);
      for (const step of tasks) await completeStep(handle, flow, step, options.results?.[step.id]);
      if (tasks.length === 0 && view.review?.status === 'open') {
        await handle.executeUpdate(CASE_ACTION_UPDATES.feedback, {
          args: [{ actor: VISITOR, satisfaction: 'satisfied', resolved: true, comment: '满意' }],
          updateId: `feedback-${handle.workflowId}-${view.review.feedbackCount}`,
        });
      }
      return undefined;
    },
    () => `case did not reach the condition:\n${last ? describe(last) : 'no view'}`,
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 50 },
  );
}

/** Completes active tasks and gives satisfied feedback until the case is closed; returns the final view. */
export function driveToClosure(
  handle: CaseHandle,
  flow: Flow,
  options: DriveOptions = {},
): Promise<CaseView> {
  return driveUntil(handle, flow, isFinal, options);
}

function describe(view: CaseView): string {
  const steps = view.steps.map((s) => `  ${s.id}: ${s.status} r${s.round}${s.incident ? ' INCIDENT' : ''}`);
  return [`${view.caseId} ${view.status} stage=${view.stage} review=${view.review?.status}`, ...steps].join(
    '\n',
  );
}
