import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowCatalog, loadFlowFile } from '../../../config/flow/load-flows';
import { ctx, exampleYaml, FIXTURES } from './flow-fixtures';

describe('loadFlowCatalog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flows-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every version and returns the latest by default', async () => {
    writeFileSync(join(dir, 'v1.yaml'), exampleYaml);
    writeFileSync(join(dir, 'v2.yml'), exampleYaml.replace('version: 1 ', 'version: 2 '));
    copyFileSync(join(FIXTURES, '..', '..', 'flows', 'schema.json'), join(dir, 'schema.json'));
    const catalog = await loadFlowCatalog(dir, ctx);
    expect(catalog.list().map(({ id, version }) => [id, version])).toEqual([
      ['urban.exposed-garbage', 1],
      ['urban.exposed-garbage', 2],
    ]);
    expect(catalog.get('urban.exposed-garbage')?.version).toBe(2);
    expect(catalog.get('urban.exposed-garbage', 1)?.version).toBe(1);
    expect(catalog.get('urban.exposed-garbage', 3)).toBeUndefined();
    expect(catalog.source('urban.exposed-garbage', 1)).toMatchObject({
      file: join(dir, 'v1.yaml'),
      format: 'yaml',
    });
  });

  it('reads JSON flows', async () => {
    const json = JSON.stringify({
      id: 't.json',
      version: 1,
      title: { en: 'J' },
      steps: [{ id: 'a', stage: 'review', kind: 'wait', for: '1h' }],
    });
    writeFileSync(join(dir, 't.json'), json);
    expect((await loadFlowCatalog(dir, ctx)).get('t.json')?.steps[0]).toMatchObject({
      kind: 'wait',
      clock: 'working',
    });
  });

  it('fails on a duplicate (id, version)', async () => {
    writeFileSync(join(dir, 'a.yaml'), exampleYaml);
    writeFileSync(join(dir, 'b.yaml'), exampleYaml);
    await expect(loadFlowCatalog(dir, ctx)).rejects.toMatchObject({
      name: 'FlowVersionDuplicateError',
      message: expect.stringContaining("flow 'urban.exposed-garbage' version 1 is declared twice"),
    });
  });

  it('throws FlowInvalidError carrying every problem of an invalid file', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      exampleYaml.replace('after: [verify]', 'after: [verfy]').replace('goto: handle', 'goto: nowhere'),
    );
    const error: unknown = await loadFlowFile(path, ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'FlowInvalidError',
      problems: [
        {
          file: path,
          path: 'steps[1].after[0]',
          line: 29,
          message: "step 'file' waits for unknown step 'verfy'",
        },
        {
          file: path,
          path: 'steps[4].rework.goto',
          line: 64,
          message: "rework of step 'check' goes to unknown step 'nowhere'",
        },
      ],
    });
  });
});
