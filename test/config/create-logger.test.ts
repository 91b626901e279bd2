/**
 * The process logger buffers its lines (config/create-logger.ts) and still writes every one of them: when the
 * process exits, when an uncaught exception ends it, and while it runs when a line comes alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eventually } from '../helpers/eventually';

const LOGGING_PROCESS = path.join(__dirname, 'fixtures', 'logging-process.ts');

interface Logging {
  readonly child: ChildProcess;
  /** The lines written to standard output so far, parsed. */
  lines(): { line: number; msg: string; name: string }[];
  readonly exited: Promise<number | null>;
}

function startLogging(mode: 'exit' | 'throw' | 'idle'): Logging {
  const child = spawn(process.execPath, ['--import', 'tsx', LOGGING_PROCESS, mode], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { line: number; msg: string; name: string }),
    exited,
  };
}

const fifty = Array.from({ length: 50 }, (_, line) => ({ line, msg: 'a line of this process' }));

describe('the process logger', () => {
  it('writes every line before the process exits', async () => {
    const logging = startLogging('exit');
    expect(await logging.exited).toBe(0);
    expect(logging.lines()).toMatchObject(fifty);
    expect(logging.lines()[0]!.name).toBe('logging-process');
  });

  it('writes every line when an uncaught exception ends the process', async () => {
    const logging = startLogging('throw');
    expect(await logging.exited).toBe(1);
    expect(logging.lines()).toMatchObject(fifty);
  });

  it('writes a line that comes alone while the process keeps running', async () => {
    const logging = startLogging('idle');
    try {
      const lines = await eventually(
        () => Promise.resolve(logging.lines().length > 0 && logging.lines()),
        'the lone line was not written while the process ran',
      );
      expect(lines).toMatchObject([{ line: 0, msg: 'a line of this process' }]);
    } finally {
      logging.child.stdin?.end();
      await logging.exited;
    }
  });
});
