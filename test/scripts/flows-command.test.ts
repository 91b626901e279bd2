import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../scripts/commands/flows/command-io';
import { runCommand } from '../../scripts/commands/flows/command-io';
import { diagramFlow } from '../../scripts/commands/flows/diagram-flow';
import { explainFlowCommand } from '../../scripts/commands/flows/explain-flow';
import type { ExplainCommandOptions } from '../../scripts/commands/flows/explain-flow';
import { validateFlows } from '../../scripts/commands/flows/validate-flows';
import type { FlowExplanation } from '../../workflows/engine/flow-explain';
import { yamlAliasBomb } from '../helpers/hostile-documents';

const ROOT = join(__dirname, '../..');
const EXAMPLE = readFileSync(join(ROOT, 'test/fixtures/flows/exposed-garbage-example.yaml'), 'utf8');

/** The example with an unknown `after` (line 29) and a misspelt key (line 46). */
const BROKEN = EXAMPLE.replace('after: [verify]', 'after: [verifi]').replace(
  'allow: [return',
  'alow: [return',
);

let dir: string;
let out: string[];
let err: string[];

function context(env: NodeJS.ProcessEnv = {}): CommandContext {
  return {
    env: {
      FLOWS_DIR: join(dir, 'flows'),
      DIRECTORY_PATH: join(ROOT, 'test/fixtures/directory.yaml'),
      CALENDARS_DIR: join(ROOT, 'config/calendars'),
      ...env,
    },
    io: { out: (text) => out.push(...text.split('\n')), err: (text) => err.push(...text.split('\n')) },
    cwd: dir,
    now: () => Date.parse('2026-03-06T08:30:00Z'),
  };
}

const run = (action: (ctx: CommandContext) => Promise<number>, ctx = context()) =>
  runCommand(ctx, () => action(ctx));
const validate = (paths: string[], ctx?: CommandContext) => run((c) => validateFlows(paths, c), ctx);
const diagram = (reference: string) => run((c) => diagramFlow(reference, c));
const explain = (reference: string, options: ExplainCommandOptions = {}) =>
  run((c) => explainFlowCommand(reference, options, c));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flows-cli-'));
  mkdirSync(join(dir, 'flows'));
  writeFileSync(join(dir, 'flows', 'garbage.yaml'), EXAMPLE);
  writeFileSync(join(dir, 'broken.yaml'), BROKEN);
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('flows validate', () => {
  it('checks every flow in FLOWS_DIR and exits 0 when there is no problem', async () => {
    copyFileSync(join(ROOT, 'flows/schema.json'), join(dir, 'flows', 'schema.json'));
    expect(await validate([])).toBe(0);
    expect(out).toEqual(['1 flow file checked: no problems.']);
    expect(err).toEqual([]);
  });

  it('warns on stderr, without failing, when a calendar’s published years end within 60 days', async () => {
    const late = { ...context(), now: () => Date.parse('2026-11-30T02:00:00Z') };
    expect(await validate(['flows/garbage.yaml'], late)).toBe(0);
    expect(out).toEqual(['1 flow file checked: no problems.']);
    expect(err).toEqual([
      "warning: calendar cn-mainland: published years end with 2026 (31 days left): deadlines counted into 2027 are provisional; add 2027's holidays and workdays and 2027 to publishedYears once the arrangement is published",
    ]);
  });

  it('prints each problem as file:line:column  path  message, a summary, and exits 1', async () => {
    expect(await validate(['broken.yaml', 'flows/garbage.yaml'])).toBe(1);
    expect(out).toEqual([
      "broken.yaml:29:13  steps[1].after[0]  step 'file' waits for unknown step 'verifi'",
      "broken.yaml:46:5  steps[3].alow  unknown key 'alow'",
      '2 problems in 1 of 2 flow files.',
    ]);
  });

  it('reports YAML syntax errors with their place and files it cannot read', async () => {
    writeFileSync(join(dir, 'syntax.yaml'), 'id: x\nsteps: [\n');
    const code = await validate(['syntax.yaml', 'nowhere.yaml']);
    expect(err).toEqual([]);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^syntax\.yaml:\d+:\d+ {2}\S/);
    expect(out).toContain('nowhere.yaml  cannot read: no such file');
  });

  it('reports a document of nested aliases ("billion laughs") as a problem of the file, not an internal error', async () => {
    writeFileSync(join(dir, 'laughs.yaml'), yamlAliasBomb());
    const code = await validate(['laughs.yaml']);
    expect([code, err]).toEqual([1, []]);
    expect(out[0]).toBe(
      'laughs.yaml  too many alias expansions (more than 100): write the values out instead',
    );
  });

  it('quotes at most 80 characters of a value in a message, not a whole file read as one string', async () => {
    writeFileSync(join(dir, 'prose.yaml'), `${'word '.repeat(400)}\n`);
    expect(await validate(['prose.yaml'])).toBe(1);
    expect(out[0]).toBe(
      `prose.yaml:1:1  expected object, received string, got "${'word '.repeat(16).trimEnd()}…`,
    );
  });

  it('validates the flows of a folder given as a path, and flags a repeated id and version', async () => {
    writeFileSync(join(dir, 'flows', 'garbage-copy.yml'), EXAMPLE);
    expect(await validate(['flows'])).toBe(1);
    expect(out).toEqual([
      "flows/garbage.yaml:2:10  version  flow 'urban.exposed-garbage' version 1 is already declared in flows/garbage-copy.yml",
      '1 problem in 1 of 2 flow files.',
    ]);
  });

  it('checks flows against the configured directory and calendars', async () => {
    const calendars = join(dir, 'calendars');
    mkdirSync(calendars);
    copyFileSync(join(ROOT, 'config/calendars/always-open.yaml'), join(calendars, 'always-open.yaml'));
    expect(await validate([], context({ CALENDARS_DIR: calendars }))).toBe(1);
    expect(out[0]).toBe(
      "flows/garbage.yaml:6:11  calendar  unknown calendar 'cn-mainland' (known: always-open)",
    );
  });

  it('exits 2 with a message, not a stack trace, when the directory cannot be read', async () => {
    expect(await validate([], context({ DIRECTORY_PATH: join(dir, 'missing.yaml') }))).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^error: ENOENT: no such file or directory.*missing\.yaml/)]);
    expect(err.join('\n')).not.toContain('    at ');
  });
});

describe('flows diagram', () => {
  it('prints the Mermaid text of a flow given by id or by file', async () => {
    expect(await diagram('urban.exposed-garbage')).toBe(0);
    expect(out.slice(0, 2)).toEqual(['%% urban.exposed-garbage v1', 'flowchart TD']);
    const byId = out.join('\n');
    out = [];
    expect(await diagram('flows/garbage.yaml')).toBe(0);
    expect(out.join('\n')).toBe(byId);
  });

  it('takes the latest version by default and id@version for another', async () => {
    writeFileSync(join(dir, 'flows', 'v2.yaml'), EXAMPLE.replace('version: 1 ', 'version: 2 '));
    writeFileSync(join(dir, 'flows', 'unrelated-broken.yaml'), 'id: other\nversion: 1\n');
    expect(await diagram('urban.exposed-garbage')).toBe(0);
    expect(out[0]).toBe('%% urban.exposed-garbage v2');
    out = [];
    expect(await diagram('urban.exposed-garbage@1')).toBe(0);
    expect(out[0]).toBe('%% urban.exposed-garbage v1');
  });

  it('exits 2 naming the known flows when the id is unknown, and for a missing version', async () => {
    expect(await diagram('urban.unknown')).toBe(2);
    expect(err).toEqual(["error: no flow 'urban.unknown' in flows (flows: urban.exposed-garbage)"]);
    err = [];
    expect(await diagram('urban.exposed-garbage@4')).toBe(2);
    expect(err).toEqual(["error: flow 'urban.exposed-garbage' has no version 4 in flows (versions: 1)"]);
  });

  it('prints the located problems of an invalid flow to stderr and exits 1', async () => {
    expect(await diagram('broken.yaml')).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toBe("broken.yaml:29:13  steps[1].after[0]  step 'file' waits for unknown step 'verifi'");
    expect(err.at(-1)).toBe('error: broken.yaml is not a valid flow (2 problems)');
  });
});

describe('flows explain', () => {
  it('prints { steps: [{ id, sla, dueAt, explanation }] } as JSON with --json', async () => {
    expect(await explain('urban.exposed-garbage', { start: '2026-03-06T16:30:00+08:00', json: true })).toBe(
      0,
    );
    const result = JSON.parse(out.join('\n')) as FlowExplanation;
    const handle = result.steps.find((step) => step.id === 'handle');
    expect(handle).toMatchObject({
      id: 'handle',
      sla: { within: '4h', clock: 'working', starts: 'claimed' },
      dueAt: '2026-03-09T11:30:00+08:00',
      explanation: expect.stringContaining('weekend 2026-03-07, 2026-03-08 skipped'),
    });
    expect(result.case).toMatchObject({ sla: { within: '2d' }, dueAt: '2026-03-10T16:30:00+08:00' });
  });

  it('prints a readable table, starting now by default', async () => {
    expect(await explain('flows/garbage.yaml')).toBe(0);
    expect(out[0]).toBe('urban.exposed-garbage v1  暴露垃圾处置 / Exposed garbage removal');
    expect(out[1]).toBe('start 2026-03-06T16:30:00+08:00 · calendar cn-mainland · profile (none)');
    expect(out).toContainEqual(
      expect.stringMatching(/^handle +task +4h working from claim +2026-03-09T11:30:00\+08:00$/),
    );
    expect(out).toContainEqual(
      expect.stringMatching(/^\(whole case\) +2d working +2026-03-10T16:30:00\+08:00$/),
    );
  });

  it('exits 2 on an unknown profile or a start that is not RFC 3339', async () => {
    expect(await explain('urban.exposed-garbage', { profile: 'national' })).toBe(2);
    expect(err).toEqual(["error: flow 'urban.exposed-garbage' has no profile 'national' (profiles: none)"]);
    for (const inherited of ['toString', '__proto__', 'constructor']) {
      err = [];
      expect(await explain('urban.exposed-garbage', { profile: inherited })).toBe(2);
      expect(err).toEqual([
        `error: flow 'urban.exposed-garbage' has no profile '${inherited}' (profiles: none)`,
      ]);
    }
    err = [];
    expect(await explain('urban.exposed-garbage', { start: '2026-03-06 16:30' })).toBe(2);
    expect(err[0]).toMatch(
      /^error: --start: Invalid instant '2026-03-06 16:30': expected RFC 3339 with an offset/,
    );
  });
});

describe('the fullcycle entry', () => {
  it('runs flows validate in a child process and exits 1 with located problems', () => {
    const result = spawnSync(
      'npx',
      ['tsx', 'scripts/fullcycle.ts', 'flows', 'validate', join(dir, 'broken.yaml')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          DIRECTORY_PATH: 'test/fixtures/directory.yaml',
          CALENDARS_DIR: 'config/calendars',
        },
      },
    );
    // Only warnings (a calendar's published years may be about to end on the day the test runs).
    expect(result.stderr).toMatch(/^(warning: [^\n]*\n)*$/);
    expect(result.stdout).toContain(
      ":29:13  steps[1].after[0]  step 'file' waits for unknown step 'verifi'\n",
    );
    expect(result.stdout).toContain('2 problems in 1 of 1 flow file.\n');
    expect(result.status).toBe(1);
  });
});
