import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCommand, type CommandContext } from '../../../scripts/commands/flows/command-io';
import { migrateFlowCommand } from '../../../scripts/commands/flows/migrate-flow';

/** What `fullcycle flows migrate` says when it cannot do its work: the user's mistake, not a stack trace. */
describe('fullcycle flows migrate, when it cannot run', () => {
  let err: string[];

  const migrate = (api: string, to: number) => {
    const ctx: CommandContext = {
      env: { FULLCYCLE_TOKEN: 'a-token' },
      io: { out: () => undefined, err: (text) => err.push(text) },
      cwd: process.cwd(),
      now: () => Date.parse('2026-03-06T08:30:00Z'),
    };
    return runCommand(ctx, () => migrateFlowCommand('urban.exposed-garbage', { to, api, map: [] }, ctx));
  };

  beforeEach(() => {
    err = [];
  });

  it('asks for --from when --to is 1, instead of sending version 0 for the API to refuse', async () => {
    expect(await migrate('http://127.0.0.1:9', 1)).toBe(2);
    expect(err).toEqual([
      'error: --to 1: no version comes before it; name the version whose cases move with --from',
    ]);
  });

  it('says why the API cannot be reached, not only that fetch failed', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await migrate(`http://127.0.0.1:${port}`, 2)).toBe(2);
    expect(err).toEqual([
      `error: cannot reach the API at http://127.0.0.1:${port}: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`,
    ]);
  });

  describe('against a server that is not the Fullcycle API', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('asks whether --api is the Fullcycle API, instead of an empty "404 error: "', async () => {
      expect(await migrate(url, 2)).toBe(2);
      expect(err).toEqual([
        'error: 404 without a problem in the answer: is --api (or FULLCYCLE_API_URL) the Fullcycle API?',
      ]);
    });
  });
});
