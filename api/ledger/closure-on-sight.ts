/**
 * A case workflow the API finds closed outside the engine (its view Query refused, an action's Update finding no
 * running workflow) has its closure recorded at once, by the code the worker's reconciler runs each pass
 * (ledger/closures/record-closure.ts), so that the case shows cancelled and an action there is a 409 `case-closed`
 * now, not after the next pass (docs/ledger.md, "Closed outside the engine").
 */
import { recordClosure, type ExecutionClosure } from '../../ledger';
import type { RouteDependencies } from '../routes/route-context';

/**
 * The closure recorded now; undefined when there was none to record (running, closed by the engine, already
 * recorded) or it could not be read or written (the reconciler's next pass records it).
 */
export async function recordClosureOnSight(
  deps: Pick<RouteDependencies, 'gateway' | 'ledger' | 'logger'>,
  caseId: string,
): Promise<ExecutionClosure | undefined> {
  try {
    return await recordClosure(
      { ledger: deps.ledger, logger: deps.logger, source: deps.gateway.closures },
      caseId,
    );
  } catch (error) {
    deps.logger.warn({ err: error, caseId }, 'Closure on sight not recorded; the reconciler records it');
    return undefined;
  }
}
