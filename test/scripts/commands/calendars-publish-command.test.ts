import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishCalendarCommand } from '../../../scripts/commands/calendars/publish-calendar';
import { runCommand, type CommandContext } from '../../../scripts/commands/flows/command-io';
import { yamlAliasBomb } from '../../helpers/hostile-documents';

/** Files the command must refuse before it calls the API (which is not there: port 9 answers nothing). */
describe('fullcycle calendars publish, on a file that is no calendar', () => {
  let dir: string;
  let err: string[];

  const publish = (file: string, content: string) => {
    writeFileSync(join(dir, file), content);
    const ctx: CommandContext = {
      env: { FULLCYCLE_TOKEN: 'not-used', FULLCYCLE_API_URL: 'http://127.0.0.1:9' },
      io: { out: () => undefined, err: (text) => err.push(text) },
      cwd: dir,
      now: () => Date.parse('2026-03-06T08:30:00Z'),
    };
    return runCommand(ctx, () => publishCalendarCommand(file, { pollMs: 1 }, ctx));
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'calendars-cli-'));
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['empty', ''],
    ['a list', '- 2026-01-01\n'],
    ['a scalar', 'cn-mainland\n'],
  ])('exits 2 saying an %s file is not a calendar, without calling the API', async (_, content) => {
    expect(await publish('cn-mainland.yaml', content)).toBe(2);
    expect(err).toEqual([
      'error: cn-mainland.yaml: not a calendar: expected a YAML mapping (name, timezone, …)',
    ]);
  });

  it('exits 2 on a YAML alias bomb, naming it', async () => {
    expect(await publish('cn-mainland.yaml', yamlAliasBomb())).toBe(2);
    expect(err).toEqual([
      'error: cn-mainland.yaml: not YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });
});
