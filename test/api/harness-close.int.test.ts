/**
 * The HTTP harness closes what it opened: a test file that starts it without a worker and calls no Temporal
 * service kept jest running after its tests (the Temporal runtime installed for the API's connection, which Core
 * shuts down only when a connection or worker it had closes). Run in a process of its own, which must end by itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Long enough for the harness to start and close on a loaded machine; the process never ended before the fix. */
const GIVE_UP_MS = 50_000;

it('leaves nothing running once closed, without a worker or a call to Temporal', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'support', 'harness-process.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = await new Promise<string>((resolve) => {
    const stuck = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, GIVE_UP_MS);
    child.once('exit', (code) => {
      clearTimeout(stuck);
      resolve(`exited ${code}`);
    });
  });
  expect({ output, ended }).toEqual({ output: 'closed after 200\n', ended: 'exited 0' });
}, 60_000);
