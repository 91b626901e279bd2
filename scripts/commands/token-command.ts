/** `fullcycle token`: prints a bearer token signed with AUTH_JWT_SECRET, for local use, demos and tests. */
import { Command, Option } from 'commander';
import { ActorSchema, ROLES } from '../../api/auth/actor';
import type { Role } from '../../api/auth/actor';
import { mintToken } from '../../api/auth/mint-token';
import { namesUnknownToDirectory, writeWarnings } from './directory-warnings';

export interface TokenCommandIo {
  /** Where AUTH_JWT_SECRET is read (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the token goes (default: stdout). */
  readonly write?: (text: string) => void;
}

interface TokenOptions {
  readonly role: Role;
  readonly dept?: string;
  readonly region?: string;
  readonly sub?: string;
  readonly expires: string;
  readonly issuer?: string;
  readonly audience?: string;
}

/** The `token` command; `io` is the process unless a test gives its own. */
export function createTokenCommand(io: TokenCommandIo = {}): Command {
  const write = io.write ?? ((text: string) => void process.stdout.write(text));
  return new Command('token')
    .description('print a bearer token signed with AUTH_JWT_SECRET (HS256)')
    .addOption(new Option('--role <role>', 'the role claim').choices(ROLES).makeOptionMandatory())
    .option('--dept <dept>', 'department id (required for --role department)')
    .option('--region <region>', 'region code the token is scoped to (required for supervisor and intake)')
    .option('--sub <sub>', 'subject (default: cli-<role>)')
    .option('--expires <span>', 'lifetime such as 30m, 8h, 2d', '8h')
    .option('--issuer <iss>', 'iss claim, when the API checks one')
    .option('--audience <aud>', 'aud claim, when the API checks one')
    .action(async function (this: Command, options: TokenOptions) {
      const secret = (io.env ?? process.env)['AUTH_JWT_SECRET'];
      if (secret === undefined || secret === '') {
        this.error('error: AUTH_JWT_SECRET is not set; export the same secret the API uses, then run again');
      }
      const claims = ActorSchema.safeParse({
        sub: options.sub ?? `cli-${options.role}`,
        role: options.role,
        dept: options.dept,
        region: options.region,
      });
      if (!claims.success)
        this.error(`error: ${claims.error.issues.map((issue) => issue.message).join('; ')}`);
      const token = await mintToken(secret, claims.data, {
        expiresIn: options.expires,
        ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
        ...(options.audience === undefined ? {} : { audience: options.audience }),
      }).catch(() =>
        this.error(`error: --expires '${options.expires}' is not a time span such as 30m, 8h or 2d`),
      );
      // Minted anyway (the API's directory may differ), but a mistyped id would only show as empty lists and 404s.
      const unknown = await namesUnknownToDirectory(io.env ?? process.env, {
        department: claims.data.dept,
        region: claims.data.region,
      });
      writeWarnings(unknown, this.configureOutput().writeErr ?? ((text) => void process.stderr.write(text)));
      write(`${token}\n`);
    });
}
