/** The readiness probe of Temporal: one getSystemInfo call under a deadline, so no retry outlives the probe. */
import type { ConnectionLike } from '@temporalio/client';

/** Resolves when the frontend answers within `timeoutMs`; rejects otherwise. */
export function createTemporalHealthCheck(
  connection: Pick<ConnectionLike, 'withDeadline' | 'workflowService'>,
  timeoutMs = 1_500,
): () => Promise<void> {
  return async () => {
    await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
  };
}
