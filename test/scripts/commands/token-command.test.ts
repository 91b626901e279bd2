import { CommanderError } from 'commander';
import { createTokenVerifier } from '../../../api/auth/token-verifier';
import { createTokenCommand } from '../../../scripts/commands/token-command';

const SECRET = 'test-secret-that-is-long-enough-for-hs256!';

async function run(args: string[], env: NodeJS.ProcessEnv = { AUTH_JWT_SECRET: SECRET }) {
  const out: string[] = [];
  const err: string[] = [];
  const command = createTokenCommand({ env, write: (text) => void out.push(text) })
    .exitOverride()
    .configureOutput({ writeErr: (text) => void err.push(text), writeOut: (text) => void out.push(text) });
  const error = await command.parseAsync(args, { from: 'user' }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return { out: out.join(''), err: err.join(''), error };
}

describe('fullcycle token', () => {
  const verifier = createTokenVerifier({ secret: SECRET });

  it('prints a token the API accepts, with the given claims', async () => {
    const { out, error } = await run([
      '--role',
      'department',
      '--dept',
      'yuexiu-sanitation',
      '--sub',
      'clerk-7',
    ]);
    expect(error).toBeUndefined();
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await expect(verifier.verify(out.trim())).resolves.toEqual({
      sub: 'clerk-7',
      role: 'department',
      dept: 'yuexiu-sanitation',
    });
  });

  it('warns of a department or region the directory does not know, and mints the token all the same', async () => {
    const known = await run(['--role', 'department', '--dept', 'yuexiu-sanitation']);
    expect(known.err).toBe('');
    const { out, err, error } = await run(['--role', 'department', '--dept', 'yuexiu-sanitaton']);
    expect(error).toBeUndefined();
    expect(err).toMatch(
      /^warning: department 'yuexiu-sanitaton' is not in the directory .*directory\.yaml\n$/,
    );
    await expect(verifier.verify(out.trim())).resolves.toMatchObject({ dept: 'yuexiu-sanitaton' });
    const region = await run(['--role', 'supervisor', '--region', '99']);
    expect(region.err).toContain("warning: region '99' is not in the directory");
  });

  it('defaults the subject to cli-<role>', async () => {
    const { out } = await run(['--role', 'supervisor', '--region', '440104', '--expires', '30m']);
    await expect(verifier.verify(out.trim())).resolves.toMatchObject({
      sub: 'cli-supervisor',
      region: '440104',
    });
  });

  it('fails clearly when AUTH_JWT_SECRET is missing', async () => {
    const { out, err, error } = await run(['--role', 'admin'], {});
    expect(error).toBeInstanceOf(CommanderError);
    expect(err).toContain('AUTH_JWT_SECRET is not set');
    expect(out).toBe('');
  });

  it('refuses claims the API would reject', async () => {
    const { err, error } = await run(['--role', 'intake']);
    expect(error).toBeInstanceOf(CommanderError);
    expect(err).toContain('A token with role intake needs a region claim');
  });

  it('refuses an unknown role and a bad --expires', async () => {
    expect((await run(['--role', 'mayor'])).err).toContain('Allowed choices are intake, department');
    expect((await run(['--role', 'admin', '--expires', 'soon'])).err).toContain(
      "--expires 'soon' is not a time span",
    );
  });
});
