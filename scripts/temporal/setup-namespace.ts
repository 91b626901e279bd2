/** `npm run temporal:setup`: registers the case search attributes on the namespace the environment names. */
import { Connection } from '@temporalio/client';
import { loadTemporalConnection } from '../../config/temporal-connection';
import { registerSearchAttributes } from './prepare-namespace';

async function main(): Promise<void> {
  const temporal = loadTemporalConnection(process.env);
  const connection = await Connection.connect(temporal.connectionOptions);
  try {
    await registerSearchAttributes(connection, temporal.namespace);
    console.log(`Case search attributes registered on namespace ${temporal.namespace}`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
