/**
 * Performs the engine's side-effect commands through activities. A service call's outcome comes back as a
 * ServiceResult for the engine; a notification that cannot be delivered is logged, never fatal to the case
 * (it is already on the timeline).
 */
import { ActivityFailure, ApplicationFailure, log, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { ServiceResult } from './engine/case/case-actions';
import type { CallSystemCommand, Command, NotifyCommand } from './engine/case/commands';
import { formatInstant } from './engine/time';

/** Departmental systems: retried with backoff on 408/429/5xx/timeouts, for about 10 minutes in all. */
const { callDepartmentSystem } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    maximumAttempts: 8,
  },
});

const { sendNotification } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '15 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
  },
});

function failureMessage(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type) return `${cause.type}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}

async function callSystem(caseId: string, command: CallSystemCommand): Promise<ServiceResult> {
  const { stepId, round } = command;
  try {
    const result = await callDepartmentSystem({
      system: command.system,
      operation: command.operation,
      caseId,
      stepId,
      round,
      input: { ...command.input },
      idempotencyKey: command.idempotencyKey,
    });
    return { stepId, round, outcome: { ok: true, result } };
  } catch (error) {
    log.warn('Departmental system call failed for good', { caseId, stepId, round });
    return { stepId, round, outcome: { ok: false, error: failureMessage(error), retryable: false } };
  }
}

async function notify(caseId: string, command: NotifyCommand, timezone: string): Promise<void> {
  if (!command.notifyUrl) return;
  try {
    await sendNotification({
      notifyUrl: command.notifyUrl,
      caseId,
      stepId: command.stepId,
      kind: command.kind,
      message: command.message,
      at: formatInstant(command.at, timezone),
    });
  } catch (error) {
    log.warn('Notification not delivered', { caseId, kind: command.kind, error: failureMessage(error) });
  }
}

/** Runs one command; resolves with the service result to feed back to the engine, if any. */
export async function runCommand(
  caseId: string,
  command: Command,
  timezone: string,
): Promise<ServiceResult | undefined> {
  if (command.type === 'callSystem') return callSystem(caseId, command);
  await notify(caseId, command, timezone);
  return undefined;
}
