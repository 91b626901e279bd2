/**
 * `npm run golden:record`: records what every reference case looks like, move by move (test/helpers/case-golden.ts),
 * into test/golden/cases/. The records are the reference test/workflows/case-golden.test.ts holds the code to:
 * record them from code whose cases are known right (main before an optimisation), never to make a failing
 * comparison pass. Existing records are kept unless `--replace` is given.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GOLDEN_CASES, GOLDEN_DIR, goldenFile, goldenText, runGoldenCase } from '../test/helpers/case-golden';

async function main(): Promise<void> {
  const replace = process.argv.includes('--replace');
  await mkdir(GOLDEN_DIR, { recursive: true });
  for (const [flowId, scenario] of GOLDEN_CASES) {
    const file = goldenFile(flowId, scenario);
    const shown = path.relative(process.cwd(), file);
    if (existsSync(file) && !replace) {
      console.log(`kept     ${shown} (--replace records it again)`);
      continue;
    }
    const golden = await runGoldenCase(flowId, scenario);
    await writeFile(file, goldenText(golden));
    console.log(`recorded ${shown}: ${golden.moves.length} moves`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
