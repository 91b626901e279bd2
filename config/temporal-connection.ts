/**
 * Temporal connection settings from the environment through @temporalio/envconfig: TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE and TEMPORAL_CONFIG_FILE, the same
 * variables as the Temporal CLI.
 */
import { loadClientConnectConfig } from '@temporalio/envconfig';

export interface TemporalConnectionSettings {
  /** Options for `Connection.connect` / `NativeConnection.connect`. */
  connectionOptions: ReturnType<typeof loadClientConnectConfig>['connectionOptions'];
  namespace: string;
}

/** Reads connection settings; defaults to 127.0.0.1:7233 and the `default` namespace. */
export function loadTemporalConnection(env: NodeJS.ProcessEnv): TemporalConnectionSettings {
  const overrideEnvVars = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const { connectionOptions, namespace } = loadClientConnectConfig({ overrideEnvVars });
  return {
    connectionOptions: { ...connectionOptions, address: connectionOptions.address ?? '127.0.0.1:7233' },
    namespace: namespace ?? 'default',
  };
}
