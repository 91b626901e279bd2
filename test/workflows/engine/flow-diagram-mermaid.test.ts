import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { flowToMermaid } from '../../../workflows/engine/flow-diagram';
import { serviceData } from '../../helpers/case-fixtures';

interface ParseResult {
  name: string;
  ok: boolean;
  type?: string;
  error?: string;
}

/** Runs the real Mermaid parser (ESM, under jsdom) in a child process. */
function parseWithMermaid(diagrams: { name: string; source: string }[]): ParseResult[] {
  const script = path.join(__dirname, '../../support/mermaid-parse.mjs');
  const output = execFileSync(process.execPath, [script], {
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
  });
  return JSON.parse(output) as ParseResult[];
}

describe('flow diagrams', () => {
  it('parse with Mermaid itself as flowcharts, for every reference flow', async () => {
    const { flows } = await serviceData();
    const diagrams = flows.list().map(({ id, version }) => ({
      name: `${id}@${version}`,
      source: flowToMermaid(flows.get(id, version)!),
    }));
    expect(diagrams.length).toBeGreaterThanOrEqual(5);
    const results = parseWithMermaid([
      ...diagrams,
      { name: 'broken', source: 'flowchart TD\n  a["x" --> b[[' },
    ]);
    expect(results.filter((r) => r.name !== 'broken')).toEqual(
      diagrams.map(({ name }) => ({ name, ok: true, type: 'flowchart-v2' })),
    );
    expect(results.find((r) => r.name === 'broken')?.ok).toBe(false);
  }, 60_000);
});
