/** API process: config -> logger (Core's logs too) -> startApi; stops cleanly on SIGINT/SIGTERM. */
import { createLogger } from '../config/create-logger';
import { loadConfig } from '../config/load-config';
import { PinoTemporalLogger } from '../config/pino-temporal-logger';
import { loadTemporalConnection } from '../config/temporal-connection';
import { startApi } from './start-api';
import { installCoreRuntime } from './temporal/core-connection';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'api');
  const logger = createLogger(config, 'api');
  installCoreRuntime(new PinoTemporalLogger(logger));
  const api = await startApi(config, logger, loadTemporalConnection(process.env));
  logger.info({ url: api.url }, 'API listening');
  const stop = (signal: string) => {
    logger.info({ signal }, 'API stopping');
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'API did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
