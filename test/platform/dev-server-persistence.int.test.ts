import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startDevServer } from '../../scripts/temporal/dev-server';
import { eventually } from '../helpers/eventually';

async function withClient<T>(address: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await fn(new Client({ connection }));
  } finally {
    await connection.close();
  }
}

describe('the persistent dev server of npm run dev', () => {
  it('still lists a case started before a restart, with its search attributes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-dev-'));
    const dbFile = path.join(dir, 'temporal.db');
    try {
      const first = await startDevServer({ dbFile, log: () => undefined });
      await withClient(first.address, (client) =>
        client.workflow.start('caseWorkflow', {
          taskQueue: 'nobody-polls',
          workflowId: 'case-PERSIST-1',
          args: [],
        }),
      );
      await first.stop();

      const second = await startDevServer({ dbFile, log: () => undefined });
      try {
        const found = await withClient(second.address, (client) =>
          eventually(async () => {
            for await (const execution of client.workflow.list({ query: `WorkflowId = 'case-PERSIST-1'` })) {
              return execution;
            }
            return undefined;
          }, 'the case listed after the restart'),
        );
        expect(found.workflowId).toBe('case-PERSIST-1');
        const attributes = await withClient(second.address, (client) =>
          client.connection.operatorService.listSearchAttributes({ namespace: 'default' }),
        );
        expect(Object.keys(attributes.customAttributes ?? {})).toEqual(
          expect.arrayContaining(['FcStage', 'FcRegionPath']),
        );
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
