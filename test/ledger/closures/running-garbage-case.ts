/** The case the closure tests close outside the engine: exposed garbage, verified, a step running for its department. */
import { at, CN_MAINLAND } from '../../workflows/engine/case/fixtures/calendars';
import { CaseDriver, caseInput } from '../../workflows/engine/case/fixtures/case-driver';
import { exposedGarbage } from '../../workflows/engine/case/fixtures/exposed-garbage';

export const START = at('2026-03-02T09:00:00+08:00');

/** Started at START, verified ten minutes later. */
export function runningGarbageCase(caseId: string): CaseDriver {
  const input = caseInput(exposedGarbage(), {
    caseId,
    calendar: CN_MAINLAND,
    data: { address: '北京街道 1 号', category: 'household' },
  });
  return new CaseDriver(input, START).complete('verify', { confirmed: true }, START + 10 * 60_000);
}
