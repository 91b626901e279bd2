/**
 * A TCP forwarder in front of the shared dev server, for tests of what the API does while Temporal cannot be
 * reached: Temporal "coming up" at an address the API was given, or one that stops answering.
 */
import { once } from 'node:events';
import net from 'node:net';
import { testTemporalAddress } from './temporal-test-env';

/** A local port where nothing listens (yet). */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP forwarder in front of the dev server that can stop passing bytes: a Temporal that no longer answers. */
export interface Forwarder {
  readonly port: number;
  /** Drops every byte from now on, both ways (connections stay open). */
  hold(): void;
  /** Closes every connection and stops listening: nothing answers at `port` until a forwarder listens there again. */
  stop(): Promise<void>;
}

/** Forwards `port` to the dev server. */
export async function forwardToDevServer(port: number): Promise<Forwarder> {
  const [host, target] = testTemporalAddress().split(':');
  const sockets = new Set<net.Socket>();
  let holding = false;
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target), host);
    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      sockets.add(from);
      from.on('close', () => sockets.delete(from));
      from.on('error', () => from.destroy());
      from.on('data', (bytes) => {
        if (!holding) to.write(bytes);
      });
    }
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    port,
    hold: () => {
      holding = true;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
