import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createFlowJsonSchema } from '../../../config/flow/flow-json-schema';

const ROOT = join(__dirname, '..', '..', '..');

describe('flows/schema.json', () => {
  // Prettier formats the file and needs real ESM, so the check runs the generator in a child process.
  it('is up to date with config/flow/flow-schema.ts (run npm run flows:schema)', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    expect(() =>
      execFileSync(tsx, [join(ROOT, 'scripts', 'generate-flow-schema.ts'), '--check'], {
        cwd: ROOT,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('describes the top-level keys and the step kinds for editors', () => {
    const schema = createFlowJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'version', 'title', 'steps', 'emergency', 'review', 'profiles']),
    );
    expect(JSON.stringify(schema)).toContain('"const":"service"');
  });
});
