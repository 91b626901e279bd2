/** Activities that reach departments: calls to their systems (service steps) and notifications. */
import { log } from '@temporalio/activity';
import type { DepartmentalSystem } from '../workflows/engine/directory-model';
import { postJson, type FetchFunction } from './http-json';

export interface DepartmentActivityDependencies {
  fetch: FetchFunction;
  /** Where `tokenEnv` names are looked up. */
  env: Readonly<Record<string, string | undefined>>;
  /** Per-attempt timeout of one HTTP call. */
  requestTimeoutMs?: number;
}

export interface SystemCall {
  system: DepartmentalSystem;
  operation: string;
  caseId: string;
  stepId: string;
  round: number;
  input: Record<string, unknown>;
  idempotencyKey: string;
}

export interface NotificationDelivery {
  notifyUrl: string;
  caseId: string;
  stepId?: string;
  kind: string;
  message: string;
  /** RFC 3339. */
  at: string;
}

/** Failure type of a departmental system's 4xx answer: the step becomes an incident. */
export const DEPARTMENT_SYSTEM_REJECTED = 'DepartmentSystemRejectedError';
/** Failure type of a notify URL's 4xx answer. */
export const NOTIFICATION_REJECTED = 'NotificationRejectedError';

/** Builds the department-facing activities over an injected `fetch`. */
export function createDepartmentActivities(deps: DepartmentActivityDependencies) {
  const timeoutMs = deps.requestTimeoutMs ?? 10_000;
  return {
    /** POSTs a service step's call to its departmental system; the 2xx JSON body is the step's result. */
    async callDepartmentSystem(call: SystemCall): Promise<Record<string, unknown>> {
      const token = call.system.tokenEnv ? deps.env[call.system.tokenEnv] : undefined;
      log.info('Calling departmental system', {
        system: call.system.id,
        operation: call.operation,
        key: call.idempotencyKey,
      });
      const result = await postJson(deps.fetch, {
        url: `${call.system.url.replace(/\/+$/, '')}/operations/${encodeURIComponent(call.operation)}`,
        body: { caseId: call.caseId, stepId: call.stepId, round: call.round, input: call.input },
        headers: {
          'idempotency-key': call.idempotencyKey,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        timeoutMs,
        rejectedType: DEPARTMENT_SYSTEM_REJECTED,
      });
      return typeof result === 'object' && result !== null && !Array.isArray(result)
        ? (result as Record<string, unknown>)
        : { value: result };
    },

    /** POSTs a notification to a department's notifyUrl. */
    async sendNotification(delivery: NotificationDelivery): Promise<void> {
      const { notifyUrl, ...body } = delivery;
      await postJson(deps.fetch, { url: notifyUrl, body, timeoutMs, rejectedType: NOTIFICATION_REJECTED });
    },
  };
}

export type DepartmentActivities = ReturnType<typeof createDepartmentActivities>;
