/**
 * Nothing changes for a case: every reference case, run move by move through the engine and the shell's pure
 * pieces, still gives the commands, view, search attribute values, memo and ledger snapshot after each move, and
 * the timeline and ledger events at its end, that the code gave when the records in test/golden/cases/ were made
 * (test/helpers/case-golden.ts). A difference names the move and the field.
 */
import { readFile } from 'node:fs/promises';
import { GOLDEN_CASES, goldenFile, runGoldenCase, type CaseGolden } from '../helpers/case-golden';

describe('a reference case looks the same, move by move, as when it was recorded', () => {
  it.each(GOLDEN_CASES)('%s, %s', async (flowId, scenario) => {
    const recorded = JSON.parse(await readFile(goldenFile(flowId, scenario), 'utf8')) as CaseGolden;
    const now = await runGoldenCase(flowId, scenario);
    expect(now.moves.map((m) => m.move)).toEqual(recorded.moves.map((m) => m.move));
    now.moves.forEach((move, index) => {
      expect({ index, ...move }).toEqual({ index, ...recorded.moves[index] });
    });
    expect(now.timeline).toEqual(recorded.timeline);
    expect(now.ledgerEvents).toEqual(recorded.ledgerEvents);
  });
});
