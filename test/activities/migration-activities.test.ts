/** The visibility query that selects the cases of a batch migration. */
import { selectionQuery } from '../../activities/migration-activities';

describe('selecting the cases of a batch migration', () => {
  it('asks for the running cases of the flow version (or without the attribute yet) on the queue, in the region', () => {
    expect(
      selectionQuery({ flowId: 'urban.exposed-garbage', fromVersion: 1, region: '440104', taskQueue: 'q-1' }),
    ).toBe(
      "WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = 'q-1' AND " +
        "FcFlowId = 'urban.exposed-garbage' AND (FcFlowVersion = 1 OR FcFlowVersion IS NULL) AND " +
        "FcRegionPath = '440104'",
    );
  });

  it.each([
    { flowId: "x' OR 1=1 --", fromVersion: 1, taskQueue: 'q' },
    { flowId: 'x', fromVersion: 1.5, taskQueue: 'q' },
    { flowId: 'x', fromVersion: 1, region: '44 01', taskQueue: 'q' },
  ])('refuses values that are not plain codes: %o', (selection) => {
    expect(() => selectionQuery(selection)).toThrow(/not a/);
  });
});
