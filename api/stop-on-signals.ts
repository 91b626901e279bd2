/**
 * SIGINT and SIGTERM (Ctrl-C, a container orchestrator, systemd) for the processes that handle them themselves (the
 * API, `npm run dev`): the first stops the process cleanly and exits 0 (1 when stopping failed), waiting for it to
 * finish starting when it comes during the start; a second exits 1 at once.
 */
import type { Logger } from 'pino';

/** What a process stops: it takes no new work, finishes what is in flight and closes what it opened. */
export interface StoppableProcess {
  close(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Stops `running` (once started) on the first signal, and exits. */
export function stopOnSignals(running: Promise<StoppableProcess>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'Second signal: exiting without finishing what is in flight');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'Stopping');
    running
      .then((started) => started.close())
      .then(
        () => {
          logger.info('Stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'Did not stop cleanly');
          process.exit(1);
        },
      );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
