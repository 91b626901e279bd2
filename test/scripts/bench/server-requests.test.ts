import {
  countsDelta,
  parseServerCounts,
  serverRequestTable,
} from '../../../scripts/bench/report/server-requests';

/** As the Temporal dev server exposes them (trimmed), with the HELP and TYPE lines and a histogram between. */
const EXPOSITION = `# HELP service_requests service_requests counter
# TYPE service_requests counter
service_requests{namespace="default",operation="PollWorkflowTaskQueue",service_name="frontend",taskqueue="q"} 40
service_requests{namespace="default",operation="PollWorkflowTaskQueue",service_name="frontend",taskqueue="q-sticky"} 60
service_requests{namespace="temporal_system",operation="PollWorkflowTaskQueue",service_name="frontend"} 999
service_requests{namespace="default",operation="RecordWorkflowTaskStarted",service_name="history"} 7
# HELP persistence_latency persistence_latency histogram
persistence_latency_bucket{operation="UpdateWorkflowExecution",le="0.001"} 3
persistence_requests{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} 12
visibility_persistence_requests{namespace="default",operation="UpsertWorkflowExecution",service_name="history",note="a \\"quoted\\" value"} 2.5e+00
task_requests{namespace="default",operation="TransferActiveTaskWorkflowTask",service_name="history"} 5
client_requests{namespace="default",operation="MatchingClientPollWorkflowTaskQueue",service_name="frontend"} 100
`;

describe('the Temporal server request counts', () => {
  it('sums each counter by service and operation, leaving out the system namespace and other metrics', () => {
    expect(parseServerCounts(EXPOSITION)).toEqual({
      'service_requests frontend PollWorkflowTaskQueue': 100,
      'service_requests history RecordWorkflowTaskStarted': 7,
      'persistence_requests history UpdateWorkflowExecution': 12,
      'visibility_persistence_requests history UpsertWorkflowExecution': 2.5,
      'task_requests history TransferActiveTaskWorkflowTask': 5,
    });
  });

  it('takes what each counter grew by, a counter first seen after the run counting from 0', () => {
    expect(countsDelta({ a: 10, b: 4, gone: 1 }, { a: 25, b: 4, fresh: 3 })).toEqual({ a: 15, fresh: 3 });
  });

  it('prints per case the totals, then the rows that differ most first, leaving out the rare ones', () => {
    const table = serverRequestTable('server', [
      {
        side: 'raw',
        cases: 10,
        requests: {
          'service_requests frontend PollWorkflowTaskQueue': 100,
          'service_requests frontend QueryWorkflow': 50,
          'persistence_requests history GetWorkflowExecution': 0.1,
        },
      },
      {
        side: 'ours',
        cases: 20,
        requests: {
          'service_requests frontend PollWorkflowTaskQueue': 200,
          'service_requests frontend QueryWorkflow': 50,
          'service_requests frontend DescribeNamespace': 40,
        },
      },
    ]);
    const lines = table!.split('\n');
    expect(lines[0]).toMatch(/^\| server: per case +\| +raw \| +ours \|$/);
    expect(lines.slice(2, 4)).toEqual([
      expect.stringMatching(/^\| all: request +\| +15\.0 \| +14\.5 \|$/),
      expect.stringMatching(/^\| all: persistence +\| +0\.0 \| +0\.0 \|$/),
    ]);
    const rows = lines.slice(6).map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows).toEqual([
      ['', 'request frontend QueryWorkflow', '5.00', '2.50', ''],
      ['', 'request frontend DescribeNamespace', '0.00', '2.00', ''],
      ['', 'request frontend PollWorkflowTaskQueue', '10.00', '10.00', ''],
      ['', '(1 more rows, each under 0.05 per case or past the first 30)', '', '', ''],
    ]);
  });

  it('prints nothing when fewer than two runs were counted', () => {
    expect(
      serverRequestTable('server', [
        { side: 'raw', cases: 1, requests: {} },
        { side: 'ours', cases: 1 },
      ]),
    ).toBe(undefined);
  });
});
