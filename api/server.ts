/**
 * API process: config -> logger (Core's logs too) -> startApi; on SIGINT/SIGTERM it stops taking connections, answers
 * the requests in flight, closes the ledger and exits 0 (api/stop-on-signals.ts).
 */
import { createLogger } from '../config/create-logger';
import { loadConfig } from '../config/load-config';
import { PinoTemporalLogger } from '../config/pino-temporal-logger';
import { loadTemporalConnection } from '../config/temporal-connection';
import { startApi } from './start-api';
import { stopOnSignals } from './stop-on-signals';
import { installCoreRuntime } from './temporal/core-connection';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'api');
  const logger = createLogger(config, 'api');
  installCoreRuntime(new PinoTemporalLogger(logger));
  const api = startApi(config, logger, loadTemporalConnection(process.env));
  // Before the start completes: a signal while the API starts stops it once it has started.
  stopOnSignals(api, logger);
  logger.info({ url: (await api).url }, 'API listening');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
